package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/** A completed payment was given back (after ReservationRejected); {@code balance} is after the refund. */
public record PaymentRefunded(UUID paymentId, UUID reservationId, UUID userId, long amount, long balance,
                              Instant refundedAt) implements PaymentEvent {

    public PaymentRefunded {
        Require.present(paymentId, "paymentId");
        Require.present(reservationId, "reservationId");
        Require.present(userId, "userId");
        Require.notNegative(amount, "amount");
        Require.notNegative(balance, "balance");
        Require.present(refundedAt, "refundedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId.toString();
    }
}
