package dev.ticketing.payment.payments.application;

import java.util.Objects;
import java.util.UUID;

/**
 * A user pays a held reservation from their balance.
 *
 * @param tokenId   the queue token the payment was made with
 * @param concertId the concert that token admits to: only a reservation of that concert can be paid with it
 */
public record PayReservation(UUID userId, UUID tokenId, UUID concertId, UUID reservationId) {

    public PayReservation {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
