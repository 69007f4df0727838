package dev.ticketing.payment.balance.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.ticketing.events.BalanceCharged;

/** One accepted top-up, kept as a ledger entry: what was added and the balance it left. */
public record Charge(UUID id, UUID userId, long amount, long balanceAfter, Instant chargedAt) {

    public Charge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(chargedAt, "chargedAt");
        if (amount < Balance.MIN_CHARGE || amount > Balance.MAX_CHARGE || balanceAfter < amount) {
            throw new BalanceRuleViolation("not a valid charge: " + amount + " won leaving " + balanceAfter);
        }
    }

    /** Records that {@code after} is what charging {@code amount} left, announced by BalanceCharged. */
    public static Charged of(Balance after, long amount, Instant chargedAt) {
        Charge charge = new Charge(UUID.randomUUID(), after.userId(), amount, after.won(), chargedAt);
        return new Charged(charge, new BalanceCharged(charge.userId, charge.id, amount, charge.balanceAfter,
                chargedAt));
    }
}
