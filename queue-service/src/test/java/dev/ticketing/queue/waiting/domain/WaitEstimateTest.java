package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        // A third of the 1 minute idle timeout at most, however long the wait, while the line is short.
        assertThat(WaitEstimate.forPosition(50, 50, AdmissionRate.UNMEASURED, policy).pollAfterSeconds()).isEqualTo(20);
    }

    @Test
    void farBackInAHugeLineAClientPollsAsRarelyAsThePollBudgetNeeds() {
        AdmissionRate tenPerSecond = AdmissionRate.measured(10);

        // c = (1 + ln 100,000) / 500 = 0.02503 s per place: the 50,000th of 100,000 polls every 1,252 s; the last
        // would be told 2,503 s, but the longest interval is a quarter of its JWS's 2 h lifetime.
        assertThat(WaitEstimate.forPosition(50_000, 100_000, tenPerSecond, policy).pollAfterSeconds())
                .isEqualTo(1_252);
        assertThat(WaitEstimate.forPosition(100_000, 100_000, tenPerSecond, policy).pollAfterSeconds())
                .isEqualTo(QueuePolicy.LONGEST_POLL_INTERVAL.toSeconds()).isEqualTo(1_800);
        assertThat(WaitEstimate.forPosition(1, 100_000, tenPerSecond, policy).pollAfterSeconds()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 10, 1_000, 100_000})
    void aWholeLineThatPollsAsToldStaysWithinThePollBudget(long waiting) {
        for (AdmissionRate rate : List.of(AdmissionRate.UNMEASURED, AdmissionRate.measured(10),
                AdmissionRate.measured(10_000))) {
            assertThat(pollsPerSecond(waiting, rate)).as("%d waiting, %s", waiting, rate)
                    .isLessThanOrEqualTo(policy.pollBudget());
        }
    }

    @Test
    void aLineTooLongForTheBudgetAtTheLongestIntervalPollsAtMostOncePerIntervalPerPlaceMore() {
        long waiting = 1_000_000;
        long longest = QueuePolicy.LONGEST_POLL_INTERVAL.toSeconds();

        double pollsPerSecond = pollsPerSecond(waiting, AdmissionRate.measured(10));

        assertThat(pollsPerSecond).isGreaterThan(policy.pollBudget())
                .isLessThanOrEqualTo(policy.pollBudget() + (double) waiting / longest);
    }

    private double pollsPerSecond(long waiting, AdmissionRate rate) {
        double pollsPerSecond = 0;
        for (long position = 1; position <= waiting; position++) {
            pollsPerSecond += 1.0 / WaitEstimate.forPosition(position, waiting, rate, policy).pollAfterSeconds();
        }
        return pollsPerSecond;
    }

    @Test
    void aVeryShortIdleTimeoutStillAllowsPollingEverySecond() {
        QueuePolicy impatient = new QueuePolicy(1, Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThat(WaitEstimate.forPosition(50, AdmissionRate.UNMEASURED, impatient).pollAfterSeconds()).isEqualTo(1);
    }
}
