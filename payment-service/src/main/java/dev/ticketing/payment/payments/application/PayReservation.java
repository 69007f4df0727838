package dev.ticketing.payment.payments.application;

import java.util.Objects;
import java.util.UUID;

/**
 * A user pays a held reservation from their balance.
 *
 * @param tokenId the queue token the payment was made with; queue-service expires it once paid
 */
public record PayReservation(UUID userId, UUID tokenId, UUID reservationId) {

    public PayReservation {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
