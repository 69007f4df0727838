package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.ticketing.messaging.relay.RelayLease;

/**
 * The one-relay-at-a-time lease on the outbox stream ({@code queue:outbox:relay-lease}, SET NX PX semantics): the
 * holder renews it on every round; if it dies, another instance takes over once the lease lapses; if it stops, it
 * gives the lease up. Expiry is Redis's, so instances with skewed clocks still agree on it.
 */
class RedisRelayLease implements RelayLease {

    private static final RedisScript<Long> TAKE_OR_RENEW = RedisScript.of(
            new ClassPathResource("scripts/relay-lease.lua"), Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            new ClassPathResource("scripts/relay-lease-release.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final List<String> key;

    RedisRelayLease(StringRedisTemplate redis, String key) {
        this.redis = redis;
        this.key = List.of(key);
    }

    @Override
    public boolean tryAcquire(String owner, Duration duration) {
        Long held = redis.execute(TAKE_OR_RENEW, key, owner, Long.toString(duration.toMillis()));
        return held != null && held == 1L;
    }

    @Override
    public void release(String owner) {
        redis.execute(RELEASE, key, owner);
    }
}
