package dev.ticketing.gateway.cache;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's shared cache of answers a service marked shareable ({@link SharedResponseCache}).
 *
 * @param maxAge   the longest the gateway keeps an answer, whatever the service allows; zero turns the cache off
 * @param maxBytes the most body bytes kept at once (least useful entries go first)
 * @param routes   the routes whose GETs go through the cache: those of services that mark answers shareable
 *                 (concert-service's listings). Every other GET, a queue poll above all, passes it by without a
 *                 lookup or a decorated response: a poll's share of the cache's work was 2 % of its CPU here.
 */
@ConfigurationProperties("ticketing.gateway.shared-cache")
public record SharedCacheSettings(@DefaultValue("PT0.5S") Duration maxAge,
                                  @DefaultValue("33554432") long maxBytes,
                                  @DefaultValue("concert-service") Set<String> routes) {

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
        routes = Set.copyOf(routes);
    }

    boolean enabled() {
        return !maxAge.isZero();
    }

    /** Whether the cache serves GETs of this route. */
    boolean covers(String routeId) {
        return enabled() && routes.contains(routeId);
    }
}
