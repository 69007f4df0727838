package dev.ticketing.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's shared cache of answers a service marked shareable ({@link SharedResponseCache}).
 *
 * @param maxAge   the longest the gateway keeps an answer, whatever the service allows; zero turns the cache off
 * @param maxBytes the most body bytes kept at once (least useful entries go first)
 */
@ConfigurationProperties("ticketing.gateway.shared-cache")
public record SharedCacheSettings(@DefaultValue("PT0.5S") Duration maxAge,
                                  @DefaultValue("33554432") long maxBytes) {

    /** A seat map older than this is a worse answer than a slower one. */
    static final Duration LONGEST = Duration.ofSeconds(5);

    public SharedCacheSettings {
        if (maxAge.isNegative() || maxAge.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "ticketing.gateway.shared-cache.max-age must be 0 (off) to " + LONGEST + ", was " + maxAge);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException(
                    "ticketing.gateway.shared-cache.max-bytes must be positive, was " + maxBytes);
        }
    }

    boolean enabled() {
        return !maxAge.isZero();
    }
}
