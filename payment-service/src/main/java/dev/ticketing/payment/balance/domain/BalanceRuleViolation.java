package dev.ticketing.payment.balance.domain;

/** A balance was asked for a change the rules never allow (a charge out of range, a negative amount). */
public class BalanceRuleViolation extends RuntimeException {

    public BalanceRuleViolation(String message) {
        super(message);
    }
}
