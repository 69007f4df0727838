package dev.ticketing.payment.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's business meters. Effects are counted once their transaction has committed, so a rolled-back
 * charge or payment never shows up; rejections are counted when they are decided.
 */
@Component
public class PaymentMetrics {

    private final MeterRegistry registry;
    private final Counter charges;
    private final Counter completed;
    private final Counter refunded;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.charges = Counter.builder("ticketing.payment.charges").description("Balance charges").register(registry);
        this.completed = Counter.builder("ticketing.payment.completed").description("Completed payments")
                .register(registry);
        this.refunded = Counter.builder("ticketing.payment.refunded").description("Refunded payments")
                .register(registry);
    }

    public void charged(long amount) {
        afterCommit(() -> {
            charges.increment();
            amount("charge").record(amount);
        });
    }

    public void completed(long amount) {
        afterCommit(() -> {
            completed.increment();
            amount("payment").record(amount);
        });
    }

    public void refunded(long amount) {
        afterCommit(() -> {
            refunded.increment();
            amount("refund").record(amount);
        });
    }

    /** @param reason the problem code the payer got, e.g. INSUFFICIENT_BALANCE */
    public void rejected(String reason) {
        Counter.builder("ticketing.payment.rejected").description("Refused payment attempts")
                .tag("reason", reason).register(registry).increment();
    }

    private DistributionSummary amount(String operation) {
        return DistributionSummary.builder("ticketing.payment.amount").description("Amounts moved")
                .baseUnit("KRW").tag("operation", operation).register(registry);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
