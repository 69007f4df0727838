package dev.ticketing.gateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Token ids that ended before their JWS's {@code exp} (TokenExpired on queue.events). An id is kept until no JWS
 * carrying it can still be valid, then evicted, so memory follows the tokens that ended within the longest token
 * lifetime (2 h unless QUEUE_ACTIVE_TTL is longer).
 *
 * <p>TokenExpired does not carry the JWS's {@code exp}; every JWS of a token is issued before it expires and lives
 * at most {@link TokenSettings#maxLifetime()}, so {@code expiredAt + maxLifetime} bounds them all.
 *
 * <p>{@code ticketing.gateway.revocations.behind} (seconds) is how long ago the set last held everything on the
 * topic: about the feed's poll interval while it keeps up, growing while it lags, fails or Kafka is away. A token
 * ended in that window is still accepted here, so this is what the revocation-feed alert watches.
 */
@Component
public class TokenRevocations {

    private final ConcurrentHashMap<String, Long> keepUntilMillis = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong upToDateAtMillis;

    public TokenRevocations(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        // Not up to date before the feed has caught up once: the gauge counts from start.
        this.upToDateAtMillis = new AtomicLong(clock.millis());
        Gauge.builder("ticketing.gateway.revocations", keepUntilMillis, ConcurrentHashMap::size)
                .description("Queue token ids revoked before their expiry and still remembered")
                .register(meters);
        Gauge.builder("ticketing.gateway.revocations.behind", this, TokenRevocations::secondsBehind)
                .baseUnit("seconds")
                .description("Seconds since the revocation set last held every TokenExpired on queue.events")
                .register(meters);
    }

    /** The feed has read everything on the topic as of now. */
    public void upToDate() {
        upToDateAtMillis.set(clock.millis());
    }

    double secondsBehind() {
        return Math.max(0, clock.millis() - upToDateAtMillis.get()) / 1000.0;
    }

    public boolean isRevoked(String tokenId) {
        return keepUntilMillis.containsKey(tokenId);
    }

    /** Remembers a revoked token until {@code keepUntil}; an entry already past it is not worth storing. */
    public void revoke(String tokenId, Instant keepUntil) {
        long until = keepUntil.toEpochMilli();
        if (until > clock.millis()) {
            keepUntilMillis.merge(tokenId, until, Math::max);
        }
    }

    /** Forgets revocations no JWS can outlive any more; returns how many. */
    public int evictExpired() {
        long now = clock.millis();
        int before = keepUntilMillis.size();
        keepUntilMillis.values().removeIf(until -> until <= now);
        return before - keepUntilMillis.size();
    }

    public int size() {
        return keepUntilMillis.size();
    }
}
