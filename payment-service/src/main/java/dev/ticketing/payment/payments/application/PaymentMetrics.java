package dev.ticketing.payment.payments.application;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.ticketing.payment.AfterCommit;
import dev.ticketing.payment.payments.domain.PaymentRejected;

/**
 * Payments and refunds, counted once their transaction has committed so that a rolled-back one never shows up;
 * refusals are counted when they are decided. Every refusal reason is registered at start, so the dashboards show
 * 0 rather than nothing before the first refusal.
 */
@Component
public class PaymentMetrics {

    private final MeterRegistry registry;
    private final Counter completed;
    private final Counter refunded;
    private final DistributionSummary paidAmounts;
    private final DistributionSummary refundedAmounts;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.completed = Counter.builder("ticketing.payment.completed").description("Completed payments")
                .register(registry);
        this.refunded = Counter.builder("ticketing.payment.refunded").description("Refunded payments")
                .register(registry);
        this.paidAmounts = amounts(registry, "payment");
        this.refundedAmounts = amounts(registry, "refund");
        for (PaymentRejected.Reason reason : PaymentRejected.Reason.values()) {
            rejectedCounter(reason);
        }
        for (String step : List.of("claim", "transaction")) {
            outOfTimeCounter(step);
        }
    }

    private static DistributionSummary amounts(MeterRegistry registry, String operation) {
        return DistributionSummary.builder("ticketing.payment.amount").description("Amounts moved")
                .baseUnit("KRW").tag("operation", operation).register(registry);
    }

    void completed(long amount) {
        AfterCommit.run(() -> {
            completed.increment();
            paidAmounts.record(amount);
        });
    }

    void refunded(long amount) {
        AfterCommit.run(() -> {
            refunded.increment();
            refundedAmounts.record(amount);
        });
    }

    /** @param reason the problem code the payer got, e.g. INSUFFICIENT_BALANCE */
    void rejected(PaymentRejected.Reason reason) {
        rejectedCounter(reason).increment();
    }

    /** @param step the step a payment did not start for lack of time: claim or transaction */
    void outOfTime(String step) {
        outOfTimeCounter(step).increment();
    }

    private Counter outOfTimeCounter(String step) {
        return Counter.builder("ticketing.payment.out_of_time")
                .description("Payments shed because too little of their time budget was left for a step")
                .tag("step", step).register(registry);
    }

    private Counter rejectedCounter(PaymentRejected.Reason reason) {
        return Counter.builder("ticketing.payment.rejected").description("Refused payment attempts")
                .tag("reason", reason.name()).register(registry);
    }
}
