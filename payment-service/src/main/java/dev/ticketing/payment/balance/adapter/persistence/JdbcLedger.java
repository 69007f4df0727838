package dev.ticketing.payment.balance.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payment.balance.domain.BalanceEntry;
import dev.ticketing.payment.balance.domain.Ledger;

/** The balance history in MySQL (table balance_entry, V4); a page is a range read of (user_id, seq). */
@Repository
class JdbcLedger implements Ledger {

    private static final String COLUMNS =
            "seq, id, user_id, kind, amount, balance_after, occurred_at, payment_id, reservation_id";

    private final JdbcTemplate jdbc;

    JdbcLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(BalanceEntry entry) {
        jdbc.update("""
                INSERT INTO balance_entry (id, user_id, kind, amount, balance_after, occurred_at, payment_id,
                                           reservation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.id().toString(), entry.userId().toString(), entry.kind().name(), entry.amount(),
                entry.balanceAfter(), LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC), text(entry.paymentId()),
                text(entry.reservationId()));
    }

    @Override
    public List<Positioned> newestOf(UUID userId, OptionalLong before, int limit) {
        return before.isPresent()
                ? jdbc.query("SELECT " + COLUMNS + " FROM balance_entry WHERE user_id = ? AND seq < ?"
                        + " ORDER BY seq DESC LIMIT ?", JdbcLedger::positioned, userId.toString(),
                        before.getAsLong(), limit)
                : jdbc.query("SELECT " + COLUMNS + " FROM balance_entry WHERE user_id = ? ORDER BY seq DESC LIMIT ?",
                        JdbcLedger::positioned, userId.toString(), limit);
    }

    private static Positioned positioned(ResultSet row, int index) throws SQLException {
        return new Positioned(row.getLong("seq"), new BalanceEntry(UUID.fromString(row.getString("id")),
                UUID.fromString(row.getString("user_id")), BalanceEntry.Kind.valueOf(row.getString("kind")),
                row.getLong("amount"), row.getLong("balance_after"),
                row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                uuid(row.getString("payment_id")), uuid(row.getString("reservation_id"))));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
