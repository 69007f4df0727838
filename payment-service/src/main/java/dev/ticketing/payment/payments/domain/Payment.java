package dev.ticketing.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Money taken from a balance for one reservation; at most one per reservation.
 *
 * @param balanceAfter the payer's balance right after the payment
 */
public record Payment(UUID id, UUID reservationId, UUID userId, long amount, long balanceAfter,
                      PaymentStatus status, Instant createdAt, Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount < 1 || balanceAfter < 0) {
            throw new IllegalArgumentException("a payment takes at least 1 won and leaves no negative balance");
        }
    }

    /** The payment of a reservation's price, which left {@code balanceAfter}. */
    public static Payment complete(Reservation reservation, long balanceAfter, Instant now) {
        return new Payment(UUID.randomUUID(), reservation.id(), reservation.userId(), reservation.price(),
                balanceAfter, PaymentStatus.COMPLETED, now, now);
    }

    public boolean isRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    public boolean isOwnedBy(UUID userId) {
        return this.userId.equals(userId);
    }

    /** @throws IllegalStateException when it was refunded already: a payment is given back once */
    public Payment refund(Instant now) {
        if (isRefunded()) {
            throw new IllegalStateException("payment " + id + " was already refunded");
        }
        return new Payment(id, reservationId, userId, amount, balanceAfter, PaymentStatus.REFUNDED, createdAt, now);
    }
}
