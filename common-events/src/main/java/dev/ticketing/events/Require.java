package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The invariants events check in their compact constructors, with messages that name the field. */
final class Require {

    static final int FIRST_SEAT = 1;
    static final int LAST_SEAT = 50;

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static void seatNumber(int seatNumber) {
        if (seatNumber < FIRST_SEAT || seatNumber > LAST_SEAT) {
            throw new IllegalArgumentException(
                    "seatNumber must be " + FIRST_SEAT + ".." + LAST_SEAT + " but was " + seatNumber);
        }
    }

    /** The fields every {@link ReservationEvent} carries. */
    static void reservationOfSeat(UUID reservationId, UUID userId, UUID concertId,
                                  long scheduleId, LocalDate date, int seatNumber) {
        present(reservationId, "reservationId");
        present(userId, "userId");
        present(concertId, "concertId");
        positive(scheduleId, "scheduleId");
        present(date, "date");
        seatNumber(seatNumber);
    }

    static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive but was " + value);
        }
    }

    static void notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative but was " + value);
        }
    }

    static void after(Instant later, String laterField, Instant earlier, String earlierField) {
        present(later, laterField);
        present(earlier, earlierField);
        if (!later.isAfter(earlier)) {
            throw new IllegalArgumentException(laterField + " must be after " + earlierField
                    + " but was " + later + " <= " + earlier);
        }
    }

    /** For an {@link OptionalField} instant: absent, or not after {@code later}. */
    static void notAfterIfPresent(Instant earlier, String earlierField, Instant later, String laterField) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            throw new IllegalArgumentException(earlierField + " must not be after " + laterField
                    + " but was " + earlier + " > " + later);
        }
    }
}
