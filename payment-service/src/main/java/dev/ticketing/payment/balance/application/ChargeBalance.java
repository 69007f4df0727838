package dev.ticketing.payment.balance.application;

import java.util.Objects;
import java.util.UUID;

/** A user tops up their balance by {@code amount} won. */
public record ChargeBalance(UUID userId, long amount) {

    public ChargeBalance {
        Objects.requireNonNull(userId, "userId");
    }
}
