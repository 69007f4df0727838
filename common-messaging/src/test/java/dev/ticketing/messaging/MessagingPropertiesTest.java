package dev.ticketing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingPropertiesTest {

    @Test
    void defaultsNeedNoConfiguration() {
        MessagingProperties properties = bind(Map.of());

        assertThat(properties.relay().enabled()).isTrue();
        assertThat(properties.relay().batchSize()).isEqualTo(200);
        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.relay().leaseDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.relay().sentRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.inbox().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.consumer().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.consumer().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.deadLetters().partitions()).isEqualTo(1);
        assertThat(properties.deadLetters().depthInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void settingsBindFromKebabCaseProperties() {
        MessagingProperties properties = bind(Map.of(
                "ticketing.messaging.relay.batch-size", "50",
                "ticketing.messaging.relay.poll-interval", "100ms",
                "ticketing.messaging.consumer.max-backoff", "2s"));

        assertThat(properties.relay().batchSize()).isEqualTo(50);
        assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(properties.consumer().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void leaseShorterThanABatchCanTakeIsRejected() {
        assertThatThrownBy(() -> bind(Map.of(
                "ticketing.messaging.relay.lease-duration", "5s",
                "ticketing.messaging.relay.send-timeout", "3s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("ticketing.messaging.relay.lease-duration must be at least 3 x send-timeout "
                        + "and 2 x poll-interval, was PT5S");
    }

    @Test
    void aConsumerBackOffLongerThanAMinuteIsRejectedSinceTheConsumerThreadWaitsItOut() {
        assertThatThrownBy(() -> bind(Map.of("ticketing.messaging.consumer.max-backoff", "2m")))
                .hasRootCauseMessage("ticketing.messaging.consumer.max-backoff must be between initial-backoff and 1m, "
                        + "was PT2M");
    }

    @Test
    void batchSizeOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> bind(Map.of("ticketing.messaging.relay.batch-size", "0")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static MessagingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ticketing.messaging", MessagingProperties.class);
    }
}
