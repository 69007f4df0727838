package dev.ticketing.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    private final RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void pauseDoublesWithEachFailureInARow() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void pauseNeverExceedsTheMaximumHoweverLongTheOutage() {
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }
}
