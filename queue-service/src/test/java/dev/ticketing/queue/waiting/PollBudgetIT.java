package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.TokenAnswer;

/**
 * QUEUE_POLL_BUDGET (1 poll per second per concert in these tests): the further back in a long line, the less
 * often a client is told to poll, and its place is kept correspondingly longer than the 1 minute idle timeout.
 */
class PollBudgetIT extends QueueServiceIntegrationTest {

    @Test
    void farBackInALongLineAPlaceOutlivesTheIdleTimeoutWhileTheFrontMustPollAsUsual() {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        List<Holder> line = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            line.add(joins(concert));
        }
        Holder front = line.getFirst();
        Holder back = line.getLast();

        TokenAnswer backAnswer = back.poll();
        // c = (1 + ln 30) / 1 = 4.40 s per place: the 30th may poll only every 133 s (and is kept 399 s); the first
        // needs 5 s, within a third of the idle timeout, so its place lasts the idle timeout as usual.
        assertThat(backAnswer.position()).isEqualTo(30);
        assertThat(backAnswer.pollAfterSeconds()).isEqualTo(133);
        assertThat(front.poll().pollAfterSeconds()).isBetween(5L, 20L);

        clock.advance(Duration.ofSeconds(90));

        assertThat(back.poll().status()).as("kept for three poll periods").isEqualTo("WAITING");
        await().atMost(PATIENCE).untilAsserted(() -> front.pollResponse().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("TOKEN_EXPIRED"));
    }
}
