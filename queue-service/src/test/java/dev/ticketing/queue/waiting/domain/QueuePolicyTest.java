package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    @Test
    void theGuaranteedRateIsTheMaximumPerActiveTime() {
        QueuePolicy policy = new QueuePolicy(100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1));

        assertThat(policy.guaranteedAdmissionRate()).isEqualTo(100 / 600.0);
    }

    @Test
    void tokensAndKeysAreKeptAsLongAsAWaitingJwsLivesUnlessTheActiveTimeIsLonger() {
        QueuePolicy usual = new QueuePolicy(100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1));
        QueuePolicy marathon = new QueuePolicy(100, Duration.ofHours(30), Duration.ofMinutes(1), Duration.ofSeconds(1));

        assertThat(usual.longestTokenLifetime()).isEqualTo(Duration.ofHours(2)).isEqualTo(usual.tokenRetention());
        assertThat(marathon.longestTokenLifetime()).isEqualTo(Duration.ofHours(30));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QueuePolicy(0, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QueuePolicy(1, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QueuePolicy(1, Duration.ofMinutes(10), Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }

    @Test
    void aSilentWaitingClientLosesItsPlaceBeforeItsTokensRecordEnds() {
        // A place may stay silent for the idle timeout, or three of the longest poll intervals: both within the
        // record's retention, so a late client still finds its place and gets a fresh JWS.
        assertThat(QueuePolicy.LONGEST_POLL_INTERVAL.multipliedBy(3))
                .isLessThan(QueuePolicy.WAITING_TOKEN_LIFETIME);
        // A client polling as told (at most every LONGEST_POLL_INTERVAL) polls again before its JWS ends, and the
        // poll that finds less than half of it left gets a new one.
        assertThat(QueuePolicy.LONGEST_POLL_INTERVAL).isLessThan(QueuePolicy.WAITING_TOKEN_LIFETIME.dividedBy(2));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new QueuePolicy(1, Duration.ofMinutes(10), Duration.ofMinutes(31), Duration.ofSeconds(1)))
                .withMessageContaining("idleTimeout");
    }

    @Test
    void farBackInAVeryLongLineAClientPollsAtLeastEveryLongestInterval() {
        QueuePolicy policy = new QueuePolicy(100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1));

        // c = (1 + ln 1,000,000) / 500 = 0.02963 s per place: the millionth would be told 29,632 s without the cap.
        assertThat(policy.budgetPollSeconds(1_000_000, 1_000_000)).isEqualTo(1_800);
        assertThat(policy.budgetPollSeconds(50_000, 1_000_000)).isEqualTo(1_482);
        assertThat(policy.budgetPollSeconds(1, 1_000_000)).isEqualTo(1);
    }
}
