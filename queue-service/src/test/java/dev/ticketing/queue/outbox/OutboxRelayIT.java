package dev.ticketing.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.events.TokenActivated;
import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.queue.QueueServiceIntegrationTest;

class OutboxRelayIT extends QueueServiceIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void eventsWrittenWhileNoRelayRunsWaitInTheOutboxAndAreForwardedWhenOneRuns() {
        relay.stop();
        Holder holder;
        try {
            holder = admitted(concertService.newConcert());

            assertThat(outboxEntriesAbout(holder.tokenId())).isEqualTo(1);
            assertThat(queueEvents().about(holder.tokenId())).isEmpty();
        } finally {
            relay.start();
        }

        await().atMost(PATIENCE).until(() -> queueEvents().about(holder.tokenId()), received -> !received.isEmpty());
        assertThat(queueEvents().about(holder.tokenId())).first()
                .satisfies(received -> assertThat(received.event().payload()).isInstanceOf(TokenActivated.class));
        // Forwarded entries leave the stream: it only holds what Kafka has not confirmed yet.
        await().atMost(PATIENCE).until(() -> outboxEntriesAbout(holder.tokenId()), entries -> entries == 0);
    }

    @Test
    void aSecondInstanceDoesNotRelayWhileTheLeaseIsHeldAndTakesOverWhenItIsGivenUp() {
        RedisRelayLease lease = new RedisRelayLease(redis, OutboxStream.LEASE);
        String otherInstance = "other-instance-" + UUID.randomUUID();
        await().atMost(PATIENCE).until(() -> redis.opsForValue().get(OutboxStream.LEASE), holder -> holder != null);

        assertThat(lease.tryAcquire(otherInstance, Duration.ofSeconds(10))).isFalse();

        relay.stop();
        try {
            assertThat(lease.tryAcquire(otherInstance, Duration.ofSeconds(10))).as("given up by the stopped relay")
                    .isTrue();
        } finally {
            lease.release(otherInstance);
            relay.start();
        }
        await().atMost(PATIENCE).until(() -> redis.opsForValue().get(OutboxStream.LEASE),
                holder -> holder != null && !holder.equals(otherInstance));
    }

    private long outboxEntriesAbout(UUID tokenId) {
        return redis.opsForStream().range(OutboxStream.KEY, Range.unbounded()).stream()
                .filter(entry -> tokenId.toString().equals(entry.getValue().get("tokenId")))
                .count();
    }
}
