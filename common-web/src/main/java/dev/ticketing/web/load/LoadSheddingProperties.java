package dev.ticketing.web.load;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service bounds its in-flight work ({@code ticketing.load-shedding.*}). The limit adapts between
 * {@code minLimit} and {@code maxLimit} from measured latency (Netflix concurrency-limits, Gradient2): it falls
 * when requests start to queue inside the service and rises while they do not. A request over the limit waits
 * in a short backlog for at most {@code backlogTimeout} (oldest first, newest first once the oldest has waited half
 * of it: {@link AdaptiveLifoBacklog}); past that, or with the backlog full, it
 * is answered 503 SERVICE_BUSY with {@code Retry-After} at once, never left to run into the gateway's timeout.
 * Calls from other services ({@code /internal/**}) get in past the limit until they fill {@code internalShare} of
 * it: they finish work already admitted elsewhere ({@link InFlightLimit}).
 *
 * @param enabled        off only for experiments: without it a burst queues inside the service
 * @param initialLimit   concurrent requests allowed before any measurement
 * @param minLimit       the limit never falls below this
 * @param maxLimit       nor rises above this
 * @param backlogSize    requests that may wait for a slot (servlet services; reactive ones never wait)
 * @param backlogTimeout how long one may wait
 * @param retryAfter     what {@code Retry-After} tells a shed client
 * @param internalShare  the share of the limit kept for calls from other services, 0 (none) to under 1
 * @param deadline       reactive services: a request let in but still unanswered this long after is answered 503
 *                       SERVICE_BUSY (shed) instead, below the gateway's 5 s, so a stalled burst never runs into the
 *                       gateway's timeout (which its breaker counts as the service failing); 0 turns it off
 */
@ConfigurationProperties("ticketing.load-shedding")
public record LoadSheddingProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("100") int initialLimit,
                                     @DefaultValue("20") int minLimit,
                                     @DefaultValue("1000") int maxLimit,
                                     @DefaultValue("1000") int backlogSize,
                                     @DefaultValue("1s") Duration backlogTimeout,
                                     @DefaultValue("1s") Duration retryAfter,
                                     @DefaultValue("0.3") double internalShare,
                                     @DefaultValue("3s") Duration deadline) {

    public LoadSheddingProperties {
        if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit) {
            throw new IllegalArgumentException("load shedding needs 1 <= min-limit <= initial-limit <= max-limit, was "
                    + minLimit + ", " + initialLimit + ", " + maxLimit);
        }
        if (backlogSize < 0 || backlogTimeout.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("load shedding needs backlog-size >= 0, backlog-timeout >= 0 and "
                    + "retry-after of at least 1 s");
        }
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("load shedding needs deadline >= 0 (0: none), was " + deadline);
        }
        if (!(internalShare >= 0 && internalShare < 1)) {
            throw new IllegalArgumentException("load shedding needs 0 <= internal-share < 1, was " + internalShare);
        }
    }

    /** Whole seconds, as the header carries them. */
    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }
}
