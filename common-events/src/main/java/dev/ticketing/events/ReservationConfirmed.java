package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment arrived while the hold was still valid: the seat is SOLD to the payer. */
public record ReservationConfirmed(UUID reservationId, UUID userId, UUID concertId, long scheduleId,
                                   LocalDate date, int seatNumber, UUID paymentId, long price,
                                   Instant confirmedAt) implements ReservationEvent {

    public ReservationConfirmed {
        Require.reservationOfSeat(reservationId, userId, concertId, scheduleId, date, seatNumber);
        Require.present(paymentId, "paymentId");
        Require.notNegative(price, "price");
        Require.present(confirmedAt, "confirmedAt");
    }
}
