package dev.ticketing.payment.payments.application;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The moment by which one payment or charge must be answered ({@link PaymentTimeBudget}), on the {@code nanoTime}
 * scale.
 */
public record PaymentDeadline(long atNanos, PaymentTimeBudget budget, LongSupplier nanoTime) {

    /** @throws PaymentOutOfTime when too little is left for a claim and the transaction after it */
    void requireTimeForClaim() {
        require(budget.claimNeeds(), "claim");
    }

    /**
     * How long a claim started now may take: what is left less the transaction's need, so a claim answered in
     * time always leaves the transaction enough. At least {@code claimNeeds - transactionNeeds} after
     * {@link #requireTimeForClaim()} passed.
     */
    Duration timeForClaim() {
        return left().minus(budget.transactionNeeds());
    }

    /** @throws PaymentOutOfTime when too little is left for the transaction */
    public void requireTimeForTransaction() {
        require(budget.transactionNeeds(), "transaction");
    }

    Duration left() {
        return Duration.ofNanos(atNanos - nanoTime.getAsLong());
    }

    private void require(Duration needed, String step) {
        Duration left = left();
        if (left.compareTo(needed) < 0) {
            throw new PaymentOutOfTime(step, left);
        }
    }
}
