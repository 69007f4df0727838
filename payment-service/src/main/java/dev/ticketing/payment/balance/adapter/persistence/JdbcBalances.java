package dev.ticketing.payment.balance.adapter.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payment.balance.domain.Balance;
import dev.ticketing.payment.balance.domain.Balances;

/**
 * Balances in MySQL. Every change is one relative statement on the row, so no update is ever lost, and the
 * CHECK (amount >= 0) of V1 refuses a negative balance whatever the code above does.
 */
@Repository
class JdbcBalances implements Balances {

    private final JdbcTemplate jdbc;

    JdbcBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Balance of(UUID userId) {
        List<Long> amount = jdbc.queryForList("SELECT amount FROM balance WHERE user_id = ?", Long.class,
                userId.toString());
        return amount.isEmpty() ? Balance.empty(userId) : new Balance(userId, amount.getFirst());
    }

    /**
     * The upsert creates a missing row and, either way, leaves it exclusively locked (InnoDB locks the
     * duplicate row for ON DUPLICATE KEY UPDATE), so concurrent first charges of a new user queue on it
     * instead of racing to insert; the locking read then sees the latest committed amount.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance lock(UUID userId, Instant now) {
        jdbc.update("""
                INSERT INTO balance (user_id, amount, version, created_at, updated_at) VALUES (?, 0, 0, ?, ?)
                ON DUPLICATE KEY UPDATE user_id = user_id""", userId.toString(), utc(now), utc(now));
        Long amount = jdbc.queryForObject("SELECT amount FROM balance WHERE user_id = ? FOR UPDATE", Long.class,
                userId.toString());
        return new Balance(userId, amount);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance lockExisting(UUID userId) {
        List<Long> amount = jdbc.queryForList("SELECT amount FROM balance WHERE user_id = ? FOR UPDATE", Long.class,
                userId.toString());
        return amount.isEmpty() ? Balance.empty(userId) : new Balance(userId, amount.getFirst());
    }

    @Override
    public void add(UUID userId, long amount, Instant now) {
        jdbc.update("""
                INSERT INTO balance (user_id, amount, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)
                ON DUPLICATE KEY UPDATE amount = amount + ?, version = version + 1, updated_at = ?""",
                userId.toString(), amount, utc(now), utc(now), amount, utc(now));
    }

    /** The upsert locks the row, inserted or not; the plain read after it sees this transaction's own change. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance credit(UUID userId, long amount, Instant now) {
        add(userId, amount, now);
        Long after = jdbc.queryForObject("SELECT amount FROM balance WHERE user_id = ?", Long.class,
                userId.toString());
        return new Balance(userId, after);
    }

    @Override
    public void subtract(UUID userId, long amount, Instant now) {
        jdbc.update("UPDATE balance SET amount = amount - ?, version = version + 1, updated_at = ? WHERE user_id = ?",
                amount, utc(now), userId.toString());
    }

    /** DATETIME columns hold UTC wall time; converting here keeps the JVM and session time zones out of it. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
