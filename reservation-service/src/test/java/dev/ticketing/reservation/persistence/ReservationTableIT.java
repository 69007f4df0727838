package dev.ticketing.reservation.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ticketing.reservation.testing.ReservationIntegrationTest;

/** The V1 schema itself enforces the seat and token invariants, whatever the code above it does. */
@ReservationIntegrationTest
class ReservationTableIT {

    @Autowired
    JdbcTemplate jdbc;

    private final String schedule = Long.toString(ThreadLocalRandom.current().nextLong(1L << 52, 1L << 53));

    @Test
    void aSecondHoldOnTheSameSeatIsRejected() {
        insert("HELD", 7, "token-a");

        assertThatThrownBy(() -> insert("HELD", 7, "token-b")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aConfirmedSeatCannotBeHeldAgain() {
        insert("CONFIRMED", 8, "token-a");

        assertThatThrownBy(() -> insert("HELD", 8, "token-b")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void expiredAndCancelledReservationsFreeTheSeat() {
        insert("EXPIRED", 9, "token-a");
        insert("CANCELLED", 9, "token-b");

        assertThatCode(() -> insert("HELD", 9, "token-c")).doesNotThrowAnyException();
    }

    @Test
    void aHoldThatExpiresReleasesTheSeat() {
        String first = insert("HELD", 10, "token-a");
        jdbc.update("UPDATE reservation SET status = 'EXPIRED' WHERE id = ?", first);

        assertThatCode(() -> insert("HELD", 10, "token-b")).doesNotThrowAnyException();
    }

    @Test
    void aTokenHoldsAtMostOneSeat() {
        insert("HELD", 11, "token-a");

        assertThatThrownBy(() -> insert("HELD", 12, "token-a")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void seatNumbersOutsideOneToFiftyAreRefused() {
        assertThatThrownBy(() -> insert("HELD", 51, "token-a")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void unknownStatusesAreRefused() {
        assertThatThrownBy(() -> insert("PENDING", 13, "token-a")).isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * Every test has its own schedule, and tokens named after it, so tests never collide through the unique keys.
     * The rows are valid reservations that never fall due, so the running expiry sweep leaves them alone.
     */
    private String insert(String status, int seatNumber, String tokenName) {
        String id = UUID.randomUUID().toString();
        String token = UUID.nameUUIDFromBytes((schedule + "-" + tokenName).getBytes(StandardCharsets.UTF_8)).toString();
        LocalDateTime heldAt = LocalDateTime.of(2999, 1, 1, 0, 0);
        jdbc.update("""
                INSERT INTO reservation (id, user_id, concert_id, schedule_id, date, seat_number, price, token_id,
                                         status, expires_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, '2030-05-01', ?, 100000, ?, ?, ?, ?, ?)""",
                id, UUID.randomUUID().toString(), UUID.randomUUID().toString(), schedule, seatNumber, token, status,
                heldAt.plusMinutes(5), heldAt, heldAt);
        return id;
    }
}
