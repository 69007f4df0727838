package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/** A user topped up their balance by {@code amount}; {@code balance} is the balance after it. */
public record BalanceCharged(UUID userId, UUID chargeId, long amount, long balance, Instant chargedAt)
        implements PaymentEvent {

    public BalanceCharged {
        Require.present(userId, "userId");
        Require.present(chargeId, "chargeId");
        Require.positive(amount, "amount");
        Require.notNegative(balance, "balance");
        Require.present(chargedAt, "chargedAt");
    }

    /** A balance belongs to the user, so the user is the aggregate. */
    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
