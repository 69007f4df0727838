package dev.ticketing.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Token buckets per client address in this instance's memory: the join limit while Redis cannot be reached. Each
 * instance then limits on its own, so N instances let through up to N times the rate, which is still a limit.
 * Buckets of addresses that stopped joining are dropped once they would be full again, and the number of buckets
 * is capped, so a flood from many addresses cannot exhaust memory.
 */
final class LocalJoinBuckets {

    private static final long MAX_ADDRESSES = 100_000;

    private final Cache<String, Bucket> buckets;
    private final double ratePerMilli;
    private final int burst;
    private final Clock clock;

    LocalJoinBuckets(int ratePerSecond, int burst, Clock clock) {
        this.ratePerMilli = ratePerSecond / 1000.0;
        this.burst = burst;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterAccess(Duration.ofMillis((long) Math.ceil(burst / ratePerMilli)).plusSeconds(1))
                .build();
    }

    /** Takes a join from the address's bucket: 0 when there was one, else the milliseconds until there is. */
    long acquire(String address) {
        long now = clock.millis();
        return buckets.get(address, key -> new Bucket(burst, now)).take(now, ratePerMilli, burst);
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }

        synchronized long take(long now, double ratePerMilli, int burst) {
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) * ratePerMilli);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            // Less a hair, so that floating-point dust (1.0000001 ms) does not round up to a whole extra millisecond.
            return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerMilli - 1e-6));
        }
    }
}
