package dev.ticketing.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A reservation as this service needs it to take a payment: whose it is, what it costs and whether the hold
 * still stands. reservation-service owns it; this is a read of its state at one moment.
 */
public record Reservation(UUID id, UUID userId, UUID concertId, UUID tokenId, long price, ReservationStatus status,
                          Instant expiresAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // Catalog prices are 1..10,000,000 won, and a payment always takes something.
        if (price < 1) {
            throw new IllegalArgumentException("a reservation's price must be at least 1 won, was " + price);
        }
    }

    /** Someone else's reservation is, to the caller, one that does not exist. */
    public void requireOwnedBy(UUID payer) {
        if (!userId.equals(payer)) {
            throw PaymentRejected.reservationNotFound(id);
        }
    }

    /** A token admits its holder to one concert only: a reservation of another one is WRONG_CONCERT. */
    public void requireConcert(UUID tokenConcertId) {
        if (!concertId.equals(tokenConcertId)) {
            throw PaymentRejected.wrongConcert(id);
        }
    }

    /**
     * A hold can be paid while it is HELD and {@code now} is before {@code expiresAt}.
     *
     * @throws PaymentRejected ALREADY_PAID when confirmed, HOLD_EXPIRED when expired, cancelled or out of time
     */
    public void requirePayableAt(Instant now) {
        switch (status) {
            case CONFIRMED -> throw PaymentRejected.alreadyPaid(id);
            case EXPIRED, CANCELLED -> throw PaymentRejected.holdExpired(id);
            case HELD -> {
                if (!now.isBefore(expiresAt)) {
                    throw PaymentRejected.holdExpired(id);
                }
            }
        }
    }
}
