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

        assertThat(usual.longestTokenLifetime()).isEqualTo(Duration.ofHours(24)).isEqualTo(usual.tokenRetention());
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
}
