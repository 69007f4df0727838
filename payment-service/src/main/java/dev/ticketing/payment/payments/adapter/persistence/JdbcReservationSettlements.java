package dev.ticketing.payment.payments.adapter.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.payment.payments.domain.ReservationSettlements;

/** Settlements in MySQL (V3 table reservation_settlement): the primary key is the fence. */
@Repository
class JdbcReservationSettlements implements ReservationSettlements {

    private final JdbcTemplate jdbc;

    JdbcReservationSettlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean settlePaid(UUID reservationId, UUID paymentId, Instant now) {
        try {
            jdbc.update("""
                    INSERT INTO reservation_settlement (reservation_id, outcome, payment_id, settled_at)
                    VALUES (?, 'PAID', ?, ?)""", reservationId.toString(), paymentId.toString(), utc(now));
            return true;
        } catch (DuplicateKeyException settledAlready) {
            return false;
        }
    }

    @Override
    public Optional<UUID> voidUnlessPaid(UUID reservationId, Instant now) {
        // INSERT IGNORE waits on a payment's uncommitted row for the same key, then keeps whichever committed.
        jdbc.update("""
                INSERT IGNORE INTO reservation_settlement (reservation_id, outcome, payment_id, settled_at)
                VALUES (?, 'VOIDED', NULL, ?)""", reservationId.toString(), utc(now));
        String paymentId = jdbc.queryForObject(
                "SELECT payment_id FROM reservation_settlement WHERE reservation_id = ?", String.class,
                reservationId.toString());
        return Optional.ofNullable(paymentId).map(UUID::fromString);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
