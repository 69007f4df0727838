package dev.ticketing.reservation.hold.domain;

import java.util.Objects;
import java.util.UUID;

/** A completed payment for a reservation, as payment-service announced it: who paid how much (KRW). */
public record Payment(UUID paymentId, UUID payerId, long amount) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(payerId, "payerId");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative but was " + amount);
        }
    }
}
