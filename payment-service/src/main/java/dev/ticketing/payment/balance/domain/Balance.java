package dev.ticketing.payment.balance.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's points in won (KRW). It can never be negative: a payment it does not cover is refused. Each change
 * returns the balance after it; the store applies the same change as relative SQL on the locked row
 * ({@code amount = amount + ?}), so the two always agree.
 */
public record Balance(UUID userId, long won) {

    /** The smallest and largest single charge, in won. */
    public static final long MIN_CHARGE = 1;
    public static final long MAX_CHARGE = 10_000_000;

    public Balance {
        Objects.requireNonNull(userId, "userId");
        if (won < 0) {
            throw new BalanceRuleViolation("a balance cannot be negative, was " + won + " won");
        }
    }

    /** A user who never charged has a balance of zero. */
    public static Balance empty(UUID userId) {
        return new Balance(userId, 0);
    }

    /** @throws BalanceRuleViolation when the amount is outside {@value #MIN_CHARGE}..{@value #MAX_CHARGE} won */
    public Balance charge(long amount) {
        requireChargeable(amount);
        return plus(amount);
    }

    /** @throws BalanceRuleViolation when the amount is outside {@value #MIN_CHARGE}..{@value #MAX_CHARGE} won */
    public static void requireChargeable(long amount) {
        if (amount < MIN_CHARGE || amount > MAX_CHARGE) {
            throw new BalanceRuleViolation("a charge must be between " + MIN_CHARGE + " and " + MAX_CHARGE
                    + " won, was " + amount);
        }
    }

    public boolean covers(long price) {
        return price <= won;
    }

    /** @throws InsufficientBalance when the balance does not cover the price; nothing is taken then */
    public Balance pay(long price) {
        requireNotNegative(price, "a price");
        if (!covers(price)) {
            throw new InsufficientBalance(userId, won, price);
        }
        return new Balance(userId, won - price);
    }

    /** Gives back what a payment took. */
    public Balance refund(long amount) {
        requireNotNegative(amount, "a refund");
        return plus(amount);
    }

    private Balance plus(long amount) {
        try {
            return new Balance(userId, Math.addExact(won, amount));
        } catch (ArithmeticException overflow) {
            throw new BalanceRuleViolation("the balance would exceed " + Long.MAX_VALUE + " won");
        }
    }

    private static void requireNotNegative(long amount, String what) {
        if (amount < 0) {
            throw new BalanceRuleViolation(what + " cannot be negative, was " + amount + " won");
        }
    }
}
