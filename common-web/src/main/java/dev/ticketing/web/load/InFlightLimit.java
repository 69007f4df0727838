package dev.ticketing.web.load;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The adaptive in-flight limit of one service, with its metrics: {@code ticketing.http.shed} (requests answered
 * SERVICE_BUSY), {@code ticketing.http.concurrency.limit} (the current limit) and {@code ticketing.http.inflight}.
 */
public final class InFlightLimit {

    private final SimpleLimiter<Void> limiter;
    private final Limiter<Void> admission;
    private final Counter shed;

    private InFlightLimit(SimpleLimiter<Void> limiter, Limiter<Void> admission, MeterRegistry meters) {
        this.limiter = limiter;
        this.admission = admission;
        this.shed = Counter.builder(ShedRequests.SHED_METER)
                .description("Requests answered 503 SERVICE_BUSY at once (the in-flight limit reached, or a service it"
                        + " needs refusing at once)")
                .register(meters);
        Gauge.builder("ticketing.http.concurrency.limit", limiter, SimpleLimiter::getLimit)
                .description("Concurrent requests this instance admits now (adaptive)").register(meters);
        Gauge.builder("ticketing.http.inflight", limiter, SimpleLimiter::getInflight)
                .description("Requests being served now").register(meters);
    }

    /** Waits in a short backlog (newest first) for a slot when the limit is reached: for thread-per-request servers. */
    public static InFlightLimit waiting(LoadSheddingProperties properties, MeterRegistry meters) {
        SimpleLimiter<Void> limiter = simple(properties);
        Limiter<Void> admission = properties.backlogSize() == 0 ? limiter
                : LifoBlockingLimiter.newBuilder(limiter)
                        .backlogSize(properties.backlogSize())
                        .backlogTimeout(properties.backlogTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build();
        return new InFlightLimit(limiter, admission, meters);
    }

    /** Never waits: for event-loop servers, where blocking a thread would stall every connection on it. */
    public static InFlightLimit immediate(LoadSheddingProperties properties, MeterRegistry meters) {
        SimpleLimiter<Void> limiter = simple(properties);
        return new InFlightLimit(limiter, limiter, meters);
    }

    /** A slot for one request, or empty when the request is to be shed (already counted). */
    public Optional<Limiter.Listener> acquire() {
        Optional<Limiter.Listener> slot = admission.acquire(null);
        if (slot.isEmpty()) {
            shed.increment();
        }
        return slot;
    }

    public int limit() {
        return limiter.getLimit();
    }

    private static SimpleLimiter<Void> simple(LoadSheddingProperties properties) {
        return SimpleLimiter.newBuilder()
                .named("http")
                .limit(Gradient2Limit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxConcurrency(properties.maxLimit())
                        .build())
                .build();
    }
}
