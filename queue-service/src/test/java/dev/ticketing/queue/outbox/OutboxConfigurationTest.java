package dev.ticketing.queue.outbox;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxConfigurationTest {

    @Test
    void aRelayPollIntervalShorterThanTheRedisCommandTimeoutIsAccepted() {
        assertThatNoException().isThrownBy(() ->
                OutboxConfiguration.requireReadWithinCommandTimeout(Duration.ofMillis(500), Duration.ofSeconds(1)));
    }

    @Test
    void aRelayPollIntervalTheRedisCommandTimeoutWouldCutIsRefusedAtStart() {
        assertThatIllegalStateException().isThrownBy(() ->
                OutboxConfiguration.requireReadWithinCommandTimeout(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
