package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code amount} was taken from the user's balance for a held reservation. reservation-service confirms
 * (or rejects) the seat; queue-service expires {@code tokenId} with reason PAID.
 */
public record PaymentCompleted(UUID paymentId, UUID reservationId, UUID userId, UUID tokenId,
                               long amount, long balance, Instant completedAt) implements PaymentEvent {

    public PaymentCompleted {
        Require.present(paymentId, "paymentId");
        Require.present(reservationId, "reservationId");
        Require.present(userId, "userId");
        Require.present(tokenId, "tokenId");
        Require.notNegative(amount, "amount");
        Require.notNegative(balance, "balance");
        Require.present(completedAt, "completedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId.toString();
    }
}
