package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The one-relay-at-a-time lease ({@code queue:outbox:relay-lease}, SET NX PX semantics): the holder renews it on
 * every round; if it dies, another instance takes over once the lease lapses; if it stops, it gives the lease up.
 */
class RelayLease {

    static final String KEY = "queue:outbox:relay-lease";

    private static final RedisScript<Long> TAKE_OR_RENEW = RedisScript.of(
            new ClassPathResource("scripts/relay-lease.lua"), Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            new ClassPathResource("scripts/relay-lease-release.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final String instanceId;
    private final Duration duration;

    RelayLease(StringRedisTemplate redis, String instanceId, Duration duration) {
        this.redis = redis;
        this.instanceId = instanceId;
        this.duration = duration;
    }

    /** True when this instance holds the lease for another {@code duration}. */
    boolean holdOrTake() {
        Long held = redis.execute(TAKE_OR_RENEW, List.of(KEY), instanceId, Long.toString(duration.toMillis()));
        return held != null && held == 1L;
    }

    void release() {
        redis.execute(RELEASE, List.of(KEY), instanceId);
    }

    String instanceId() {
        return instanceId;
    }
}
