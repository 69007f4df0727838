package dev.ticketing.payment.balance.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.ticketing.payment.AfterCommit;

/** Balance charges, counted once their transaction has committed so that a rolled-back one never shows up. */
@Component
public class ChargeMetrics {

    private final Counter charges;
    private final DistributionSummary amounts;
    private final Counter outOfTime;

    public ChargeMetrics(MeterRegistry registry) {
        this.charges = Counter.builder("ticketing.payment.charges").description("Balance charges").register(registry);
        // The same meter as payments' and refunds' amounts, told apart by the operation tag.
        this.amounts = DistributionSummary.builder("ticketing.payment.amount").description("Amounts moved")
                .baseUnit("KRW").tag("operation", "charge").register(registry);
        this.outOfTime = Counter.builder("ticketing.payment.charges.out_of_time")
                .description("Charges shed because too little of their time budget was left for their transaction")
                .register(registry);
    }

    void charged(long amount) {
        AfterCommit.run(() -> {
            charges.increment();
            amounts.record(amount);
        });
    }

    void outOfTime() {
        outOfTime.increment();
    }
}
