package dev.ticketing.payment.balance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ticketing.payment.payments.application.PaymentDeadline;
import dev.ticketing.payment.payments.application.PaymentOutOfTime;
import dev.ticketing.payment.payments.application.PaymentTimeBudget;

/** A charge starts its transaction only with the payment budget's transaction need left; its wait counts. */
class ChargeDeadlineTest {

    private static final PaymentTimeBudget BUDGET = new PaymentTimeBudget(Duration.ofSeconds(4), Duration.ofSeconds(3),
            Duration.ofSeconds(1));

    private final AtomicLong nanoTime = new AtomicLong(5_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChargeBalance command = new ChargeBalance(UUID.randomUUID(), 5_000);

    /** check() needs only the metrics: it runs before any store is touched. */
    private final Charging charging = new Charging(null, null, null, null, new ChargeMetrics(meters), null);

    @Test
    void aChargeWithTimeLeftGoesOnToItsTransaction() {
        assertThat(charging.check(command, arrivedAgo(Duration.ofMillis(2_000)))).isSameAs(command);
        assertThat(charging.check(command, arrivedAgo(Duration.ofSeconds(3)))).as("exactly the need is enough")
                .isSameAs(command);
        assertThat(outOfTime()).isZero();
    }

    @Test
    void aChargeThatWaitedTooLongIsShedBeforeItsTransaction() {
        PaymentDeadline deadline = arrivedAgo(Duration.ofMillis(3_001));

        assertThatThrownBy(() -> charging.check(command, deadline)).isInstanceOf(PaymentOutOfTime.class)
                .extracting(failure -> ((PaymentOutOfTime) failure).step()).isEqualTo("transaction");
        assertThat(outOfTime()).isEqualTo(1);
    }

    private PaymentDeadline arrivedAgo(Duration waited) {
        long arrived = nanoTime.get() - waited.toNanos();
        return new PaymentDeadline(arrived + BUDGET.answerWithin().toNanos(), BUDGET, nanoTime::get);
    }

    private double outOfTime() {
        return meters.counter("ticketing.payment.charges.out_of_time").count();
    }
}
