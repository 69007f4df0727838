package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    /** 100 places per 10 minutes: at least 1/6 admission per second even if nobody leaves early. */
    private final QueuePolicy policy = new QueuePolicy(100, Duration.ofMinutes(10), Duration.ofMinutes(1),
            Duration.ofSeconds(1));

    @Test
    void withoutAMeasurementTheGuaranteedRateIsUsed() {
        assertThat(WaitEstimate.forPosition(1, AdmissionRate.UNMEASURED, policy).estimatedWaitSeconds()).isEqualTo(6);
        assertThat(WaitEstimate.forPosition(100, AdmissionRate.UNMEASURED, policy).estimatedWaitSeconds()).isEqualTo(600);
    }

    @Test
    void aMeasuredRateDecidesTheEstimate() {
        AdmissionRate tenPerSecond = AdmissionRate.measured(10);

        assertThat(WaitEstimate.forPosition(1, tenPerSecond, policy).estimatedWaitSeconds()).isEqualTo(1);
        assertThat(WaitEstimate.forPosition(25, tenPerSecond, policy).estimatedWaitSeconds()).isEqualTo(3);
        assertThat(WaitEstimate.forPosition(1000, tenPerSecond, policy).estimatedWaitSeconds()).isEqualTo(100);
    }

    @Test
    void aMeasuredRateBelowTheGuaranteeIsNotBelieved() {
        assertThat(WaitEstimate.forPosition(100, AdmissionRate.measured(0), policy).estimatedWaitSeconds()).isEqualTo(600);
    }

    @Test
    void anActiveTokenWaitsNoLonger() {
        assertThat(WaitEstimate.forPosition(0, AdmissionRate.measured(3), policy).estimatedWaitSeconds()).isZero();
    }

    @Test
    void clientsPollEverySecondNearTheFrontAndNeverSoRarelyThatTheyLoseTheirPlace() {
        AdmissionRate tenPerSecond = AdmissionRate.measured(10);

        assertThat(WaitEstimate.forPosition(5, tenPerSecond, policy).pollAfterSeconds()).isEqualTo(1);
        assertThat(WaitEstimate.forPosition(400, tenPerSecond, policy).pollAfterSeconds()).isEqualTo(10);
        // A third of the 1 minute idle timeout at most, however long the wait.
        assertThat(WaitEstimate.forPosition(1_000_000, tenPerSecond, policy).pollAfterSeconds()).isEqualTo(20);
    }

    @Test
    void aVeryShortIdleTimeoutStillAllowsPollingEverySecond() {
        QueuePolicy impatient = new QueuePolicy(1, Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThat(WaitEstimate.forPosition(50, AdmissionRate.UNMEASURED, impatient).pollAfterSeconds()).isEqualTo(1);
    }
}
