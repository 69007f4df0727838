package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold ran out unpaid: the seat is available again and the reservation is EXPIRED.
 * Carries {@code tokenId} so queue-service expires that token (reason HOLD_EXPIRED).
 */
public record HoldExpired(UUID reservationId, UUID userId, UUID concertId, long scheduleId,
                          LocalDate date, int seatNumber, UUID tokenId, Instant expiredAt)
        implements ReservationEvent {

    public HoldExpired {
        Require.reservationOfSeat(reservationId, userId, concertId, scheduleId, date, seatNumber);
        Require.present(tokenId, "tokenId");
        Require.present(expiredAt, "expiredAt");
    }
}
