package dev.ticketing.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.PaymentRefunded;

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

    /**
     * The payment of a reservation's price, which left {@code balanceAfter}, and its PaymentCompleted: carrying
     * the hold's own token, which queue-service ends.
     */
    public static Paid complete(Reservation reservation, long balanceAfter, Instant now) {
        Payment payment = new Payment(UUID.randomUUID(), reservation.id(), reservation.userId(), reservation.price(),
                balanceAfter, PaymentStatus.COMPLETED, now, now);
        return new Paid(payment, new PaymentCompleted(payment.id, payment.reservationId, payment.userId,
                reservation.tokenId(), payment.amount, balanceAfter, now));
    }

    public boolean isRefunded() {
        return status == PaymentStatus.REFUNDED;
    }

    public boolean isOwnedBy(UUID userId) {
        return this.userId.equals(userId);
    }

    /**
     * Gives the amount back, which left {@code balanceAfter}, announced by PaymentRefunded.
     *
     * @throws IllegalStateException when it was refunded already: a payment is given back once
     */
    public Refunded refund(long balanceAfter, Instant now) {
        if (isRefunded()) {
            throw new IllegalStateException("payment " + id + " was already refunded");
        }
        Payment refunded = new Payment(id, reservationId, userId, amount, this.balanceAfter, PaymentStatus.REFUNDED,
                createdAt, now);
        return new Refunded(refunded, new PaymentRefunded(id, reservationId, userId, amount, balanceAfter, now));
    }
}
