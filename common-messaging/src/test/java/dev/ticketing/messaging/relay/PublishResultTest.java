package dev.ticketing.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class PublishResultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void batchWhoseSendsWereAllAcknowledgedIsComplete() {
        PublishResult result = PublishResult.awaitAcks(List.of(acked(), acked(), acked()), TIMEOUT);

        assertThat(result.complete()).isTrue();
        assertThat(result.acked()).isEqualTo(3);
    }

    @Test
    void onlyTheEventsBeforeTheFirstFailureCountAsSentEvenIfLaterOnesWereAcknowledged() {
        PublishResult result = PublishResult.awaitAcks(List.of(acked(), failed(), acked()), TIMEOUT);

        assertThat(result.complete()).isFalse();
        assertThat(result.acked()).isEqualTo(1);
        assertThat(result.failure()).hasMessageContaining("event 2 of 3").hasRootCauseMessage("broker gone");
    }

    @Test
    void sendThatIsNeverAcknowledgedFailsTheBatchAfterTheTimeout() {
        PublishResult result = PublishResult.awaitAcks(List.of(acked(), new CompletableFuture<>()), Duration.ofMillis(50));

        assertThat(result.acked()).isEqualTo(1);
        assertThat(result.failure()).hasMessageContaining("no acknowledgement");
    }

    private static CompletableFuture<String> acked() {
        return CompletableFuture.completedFuture("ack");
    }

    private static CompletableFuture<String> failed() {
        return CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
    }
}
