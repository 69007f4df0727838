package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A seat is held for one user until {@code expiresAt}, at {@code price} (KRW). {@code tokenId} is the
 * queue token that made the hold, so the token can be expired when the hold is paid or released.
 */
public record ReservationHeld(UUID reservationId, UUID userId, UUID concertId, long scheduleId,
                              LocalDate date, int seatNumber, long price, UUID tokenId,
                              Instant heldAt, Instant expiresAt) implements ReservationEvent {

    public ReservationHeld {
        Require.reservationOfSeat(reservationId, userId, concertId, scheduleId, date, seatNumber);
        Require.notNegative(price, "price");
        Require.present(tokenId, "tokenId");
        Require.after(expiresAt, "expiresAt", heldAt, "heldAt");
    }
}
