package dev.ticketing.queue.waiting.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.TokenAnswer;

/**
 * Redis at its {@code maxmemory} with no eviction (a benchmark stack after about a million joins in a day) refuses
 * every write: joins and polls are answered 503 SERVICE_UNAVAILABLE with {@code Retry-After}, never 500, and
 * nothing is written. The shared Redis is made full for the test only ({@code maxmemory 1}, policy
 * {@code noeviction}, so no key of another test can be evicted) and given its settings back after it.
 */
class RedisFullIT extends QueueServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aFullRedisAnswersJoinsAndPollsWithRetryableServiceUnavailableAndWritesNothing() {
        UUID concert = concertService.newConcert();
        UUID waitingUser = UUID.randomUUID();
        TokenAnswer joined = queue().joined(waitingUser, concert);
        UUID refusedUser = UUID.randomUUID();

        whileRedisIsFull(() -> {
            queue().join(refusedUser, concert)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
            queue().poll(joined.tokenId(), waitingUser, concert)
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        });

        assertThat(redis.hasKey("queue:user:" + concert + ":" + refusedUser).block())
                .as("the refused join left no trace").isFalse();
        // With room again, the same requests succeed: the refusal was the store's, not the requests'.
        assertThat(queue().joined(refusedUser, concert).tokenId()).isNotNull();
        assertThat(queue().polled(joined.tokenId(), waitingUser, concert).tokenId()).isEqualTo(joined.tokenId());
    }

    private void whileRedisIsFull(Runnable requests) {
        try (ReactiveRedisConnection connection = redis.getConnectionFactory().getReactiveConnection()) {
            Properties maxmemory = connection.serverCommands().getConfig("maxmemory").block();
            Properties policy = connection.serverCommands().getConfig("maxmemory-policy").block();
            connection.serverCommands().setConfig("maxmemory-policy", "noeviction").block();
            connection.serverCommands().setConfig("maxmemory", "1").block();
            try {
                requests.run();
            } finally {
                connection.serverCommands().setConfig("maxmemory", maxmemory.getProperty("maxmemory")).block();
                connection.serverCommands().setConfig("maxmemory-policy",
                        policy.getProperty("maxmemory-policy")).block();
            }
        }
    }
}
