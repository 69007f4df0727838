package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment arrived for a hold that was already lost, so the seat is not the payer's. payment-service
 * reacts by refunding {@code amount} of {@code paymentId} (PaymentRefunded): money never stays without a seat.
 */
public record ReservationRejected(UUID reservationId, UUID userId, UUID concertId, long scheduleId,
                                  LocalDate date, int seatNumber, UUID paymentId, long amount,
                                  Reason reason, Instant rejectedAt) implements ReservationEvent {

    public ReservationRejected {
        Require.reservationOfSeat(reservationId, userId, concertId, scheduleId, date, seatNumber);
        Require.present(paymentId, "paymentId");
        Require.notNegative(amount, "amount");
        Require.present(reason, "reason");
        Require.present(rejectedAt, "rejectedAt");
    }

    public enum Reason {
        /** The hold had run out (HoldExpired) before the payment was applied. */
        HOLD_EXPIRED,
        /** The reservation had been cancelled. */
        RESERVATION_CANCELLED,
        /** The reservation was already confirmed by another payment. */
        ALREADY_CONFIRMED
    }
}
