package dev.ticketing.payment.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ticketing.payment.payments.domain.PaymentRejected;

class PaymentMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PaymentMetrics metrics = new PaymentMetrics(registry);

    @Test
    void everyRefusalReasonReadsZeroBeforeTheFirstRefusal() {
        for (PaymentRejected.Reason reason : PaymentRejected.Reason.values()) {
            assertThat(rejected(reason)).as(reason.name()).isZero();
        }
    }

    @Test
    void aRefusalIsCountedUnderItsReason() {
        metrics.rejected(PaymentRejected.Reason.INSUFFICIENT_BALANCE);

        assertThat(rejected(PaymentRejected.Reason.INSUFFICIENT_BALANCE)).isEqualTo(1);
        assertThat(rejected(PaymentRejected.Reason.HOLD_EXPIRED)).isZero();
    }

    private double rejected(PaymentRejected.Reason reason) {
        return registry.get("ticketing.payment.rejected").tag("reason", reason.name()).counter().count();
    }
}
