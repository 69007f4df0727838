package dev.ticketing.payment.payments.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a payment may take ({@code ticketing.payments.time-budget.*}), and a balance charge too (it makes no claim:
 * only its transaction's need is checked), counted from its arrival, the wait for a
 * slot under the in-flight limit included, so that it is answered before the gateway stops waiting for it (5 s,
 * {@code ticketing.gateway.upstream-timeout}) and a fan never gets 504 OUTCOME_UNKNOWN for a payment that was only
 * slow. A payment that has too little time left for its next step does not start it: it is shed at once, nothing
 * charged (503 SERVICE_BUSY, {@code Retry-After}), and the fan's retry with the same Idempotency-Key pays.
 *
 * @param answerWithin     the whole budget, below the gateway's upstream timeout
 * @param claimNeeds       the claim at reservation-service starts only with this much left; it may then take all
 *                         that is left but the transaction's need, so at least {@code claimNeeds - transactionNeeds}
 * @param transactionNeeds the transaction (connection, balance lock, four writes) starts only with this much left
 */
@Validated
@ConfigurationProperties("ticketing.payments.time-budget")
public record PaymentTimeBudget(@DefaultValue("4s") Duration answerWithin,
                                @DefaultValue("3s") Duration claimNeeds,
                                @DefaultValue("1s") Duration transactionNeeds) {

    public PaymentTimeBudget {
        if (transactionNeeds.isNegative() || transactionNeeds.isZero() || claimNeeds.compareTo(transactionNeeds) < 0
                || answerWithin.compareTo(claimNeeds) < 0) {
            throw new IllegalArgumentException("a payment's time budget needs 0 < transaction-needs <= claim-needs <= "
                    + "answer-within, was " + transactionNeeds + ", " + claimNeeds + ", " + answerWithin);
        }
    }

    /** The deadline of a payment that arrived at {@code arrivedNanos} ({@link System#nanoTime()}). */
    public PaymentDeadline deadlineFrom(long arrivedNanos) {
        return new PaymentDeadline(arrivedNanos + answerWithin.toNanos(), this, System::nanoTime);
    }
}
