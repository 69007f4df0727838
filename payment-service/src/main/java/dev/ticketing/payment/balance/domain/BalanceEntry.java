package dev.ticketing.payment.balance.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a user's balance history: what a charge, payment or refund did to the balance, and what it left.
 *
 * @param amount    signed: added (charge, refund) or taken (payment, negative)
 * @param paymentId the payment a PAYMENT or REFUND belongs to; null for a CHARGE
 */
public record BalanceEntry(UUID id, UUID userId, Kind kind, long amount, long balanceAfter, Instant at,
                           UUID paymentId, UUID reservationId) {

    public enum Kind { CHARGE, PAYMENT, REFUND }

    public BalanceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if ((kind == Kind.PAYMENT) != (amount < 0) || amount == 0 || balanceAfter < 0) {
            throw new BalanceRuleViolation("not a valid " + kind + " entry: " + amount + " won leaving " + balanceAfter);
        }
        if ((kind == Kind.CHARGE) != (paymentId == null) || (paymentId == null) != (reservationId == null)) {
            throw new BalanceRuleViolation("a " + kind + " entry names a payment exactly when it is not a charge");
        }
    }

    public static BalanceEntry charged(Charge charge) {
        return new BalanceEntry(UUID.randomUUID(), charge.userId(), Kind.CHARGE, charge.amount(), charge.balanceAfter(),
                charge.chargedAt(), null, null);
    }

    public static BalanceEntry paid(UUID userId, UUID paymentId, UUID reservationId, long price, long balanceAfter,
                                    Instant at) {
        return new BalanceEntry(UUID.randomUUID(), userId, Kind.PAYMENT, -price, balanceAfter, at, paymentId,
                reservationId);
    }

    public static BalanceEntry refunded(UUID userId, UUID paymentId, UUID reservationId, long amount,
                                        long balanceAfter, Instant at) {
        return new BalanceEntry(UUID.randomUUID(), userId, Kind.REFUND, amount, balanceAfter, at, paymentId,
                reservationId);
    }
}
