package dev.ticketing.payment.payments.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.PaymentStatus;
import dev.ticketing.payment.payments.domain.Payments;

/** Payments in MySQL (V1 table payment, with balance_after from V2). */
@Repository
class JdbcPayments implements Payments {

    private static final String COLUMNS = "id, reservation_id, user_id, amount, balance_after, status, created_at, updated_at";

    private final JdbcTemplate jdbc;

    JdbcPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Payment> find(UUID paymentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE id = ?", JdbcPayments::payment,
                paymentId.toString()).stream().findFirst();
    }

    @Override
    public List<Payment> newestOf(UUID userId, Optional<Position> before, int limit) {
        if (before.isEmpty()) {
            return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE user_id = ?"
                    + " ORDER BY created_at DESC, id DESC LIMIT ?", JdbcPayments::payment, userId.toString(), limit);
        }
        LocalDateTime at = utc(before.get().createdAt());
        String id = before.get().id().toString();
        // A range read of ix_payment_user (user_id, created_at; InnoDB appends the primary key id).
        return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE user_id = ?"
                        + " AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?",
                JdbcPayments::payment, userId.toString(), at, at, id, limit);
    }

    @Override
    public boolean existsFor(UUID reservationId) {
        return !jdbc.queryForList("SELECT id FROM payment WHERE reservation_id = ?", String.class,
                reservationId.toString()).isEmpty();
    }

    /** The unique key uk_payment_reservation decides: a second insert for a reservation is a duplicate. */
    @Override
    public boolean addIfFirstFor(Payment payment) {
        try {
            jdbc.update("INSERT INTO payment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    payment.id().toString(), payment.reservationId().toString(), payment.userId().toString(),
                    payment.amount(), payment.balanceAfter(), payment.status().name(), utc(payment.createdAt()),
                    utc(payment.updatedAt()));
            return true;
        } catch (DuplicateKeyException alreadyPaid) {
            return false;
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Payment> lock(UUID paymentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE id = ? FOR UPDATE", JdbcPayments::payment,
                paymentId.toString()).stream().findFirst();
    }

    /** Conditional on the stored status, so a refund is written once even if a caller skipped the lock. */
    @Override
    public void saveRefund(Payment refunded) {
        int updated = jdbc.update("UPDATE payment SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                refunded.status().name(), utc(refunded.updatedAt()), refunded.id().toString(),
                PaymentStatus.COMPLETED.name());
        if (updated != 1) {
            throw new IllegalStateException("payment " + refunded.id() + " is not a completed payment");
        }
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("reservation_id")),
                UUID.fromString(rs.getString("user_id")), rs.getLong("amount"), rs.getLong("balance_after"),
                PaymentStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
