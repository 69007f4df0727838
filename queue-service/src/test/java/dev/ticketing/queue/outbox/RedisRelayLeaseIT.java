package dev.ticketing.queue.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.queue.QueueServiceIntegrationTest;

/** The lease on a key of its own, so the service's relay (holding the real one) is left alone. */
class RedisRelayLeaseIT extends QueueServiceIntegrationTest {

    private static final String A = "instance-a";
    private static final String B = "instance-b";

    @Autowired
    StringRedisTemplate redis;

    private final String key = "test:relay-lease:" + UUID.randomUUID();

    @AfterEach
    void deleteTheLease() {
        redis.delete(key);
    }

    @Test
    void onlyOneInstanceHoldsTheLeaseAndTheHolderCanRenewIt() {
        RedisRelayLease lease = new RedisRelayLease(redis, key);

        assertThat(lease.tryAcquire(A, Duration.ofSeconds(30))).isTrue();
        assertThat(lease.tryAcquire(B, Duration.ofSeconds(30))).isFalse();
        assertThat(lease.tryAcquire(A, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndOnlyItsHolderCanReleaseIt() {
        RedisRelayLease lease = new RedisRelayLease(redis, key);
        assertThat(lease.tryAcquire(A, Duration.ofSeconds(30))).isTrue();

        lease.release(B);
        assertThat(lease.tryAcquire(B, Duration.ofSeconds(30))).isFalse();
        lease.release(A);

        assertThat(lease.tryAcquire(B, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aLapsedLeaseIsTakenOverByAnotherInstance() {
        RedisRelayLease lease = new RedisRelayLease(redis, key);
        assertThat(lease.tryAcquire(A, Duration.ofMillis(300))).isTrue();

        await().atMost(PATIENCE).until(() -> lease.tryAcquire(B, Duration.ofSeconds(30)));

        assertThat(lease.tryAcquire(A, Duration.ofMillis(300))).isFalse();
    }
}
