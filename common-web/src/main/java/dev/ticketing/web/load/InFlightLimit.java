package dev.ticketing.web.load;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The adaptive in-flight limit of one service, with its metrics: {@code ticketing.http.shed} (requests answered
 * SERVICE_BUSY), {@code ticketing.http.concurrency.limit} (the current limit) and {@code ticketing.http.inflight}.
 *
 * <p>Two lanes share the limit. A call from another service ({@code /internal/**}, e.g. payment-service claiming a
 * hold for a payment) finishes work a fan's request already started elsewhere, under that request's deadline; a
 * public request starts new work. When the limit is reached, public requests wait or are shed, while internal calls
 * are still let in until they alone fill {@link LoadSheddingProperties#internalShare()} of it: a burst of new holds
 * never queues the claims of the payments that would end it. An internal call never waits in the public requests'
 * backlog: a backlog serving the newest first kept a claim behind a stream of newer holds until its whole timeout
 * was gone and its caller's deadline passed, and this one still does so under sustained overload; past its share it is shed at once, and its caller, which owns
 * the deadline, answers its own client "busy".
 *
 * <p>{@code ticketing.http.admission.wait} (tag {@code lane}) times how long requests waited for their slot.
 */
public final class InFlightLimit {

    /** The lane of a request, by its path. */
    enum Lane {
        INTERNAL, PUBLIC;

        static Lane of(String path) {
            return path.startsWith("/internal/") ? INTERNAL : PUBLIC;
        }
    }

    private final AbstractLimiter<Lane> limiter;
    private final Limiter<Lane> publicAdmission;
    private final Counter shed;
    private final Timer internalWait;
    private final Timer publicWait;

    private InFlightLimit(AbstractLimiter<Lane> limiter, Limiter<Lane> publicAdmission, MeterRegistry meters) {
        this.limiter = limiter;
        this.publicAdmission = publicAdmission;
        this.internalWait = waitTimer(meters, Lane.INTERNAL);
        this.publicWait = waitTimer(meters, Lane.PUBLIC);
        this.shed = Counter.builder(ShedRequests.SHED_METER)
                .description("Requests answered 503 SERVICE_BUSY at once (the in-flight limit reached, or a service it"
                        + " needs refusing at once)")
                .register(meters);
        Gauge.builder("ticketing.http.concurrency.limit", limiter, AbstractLimiter::getLimit)
                .description("Concurrent requests this instance admits now (adaptive)").register(meters);
        Gauge.builder("ticketing.http.inflight", limiter, AbstractLimiter::getInflight)
                .description("Requests being served now").register(meters);
    }

    /**
     * A public request waits in a short backlog for a slot when the limit is reached: for thread-per-request servers.
     * Oldest first while the backlog drains, newest first once its oldest has waited half the backlog's timeout
     * ({@link AdaptiveLifoBacklog}). Internal calls never wait.
     */
    public static InFlightLimit waiting(LoadSheddingProperties properties, MeterRegistry meters) {
        AbstractLimiter<Lane> limiter = adaptive(properties);
        long timeout = properties.backlogTimeout().toNanos();
        Limiter<Lane> admission = properties.backlogSize() == 0 ? limiter
                : new AdaptiveLifoBacklog<>(limiter, properties.backlogSize(), timeout, timeout / 2);
        return new InFlightLimit(limiter, admission, meters);
    }

    /** Never waits: for event-loop servers, where blocking a thread would stall every connection on it. */
    public static InFlightLimit immediate(LoadSheddingProperties properties, MeterRegistry meters) {
        AbstractLimiter<Lane> limiter = adaptive(properties);
        return new InFlightLimit(limiter, limiter, meters);
    }

    /** A slot for one request to {@code path}, or empty when the request is to be shed (already counted). */
    public Optional<Limiter.Listener> acquire(String path) {
        long start = System.nanoTime();
        Lane lane = Lane.of(path);
        Optional<Limiter.Listener> slot = lane == Lane.INTERNAL ? limiter.acquire(lane) : publicAdmission.acquire(lane);
        (lane == Lane.INTERNAL ? internalWait : publicWait).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (slot.isEmpty()) {
            shed.increment();
        }
        return slot;
    }

    /** A request let in that was shed at its deadline instead of answered: counted with the others. */
    void shedLate() {
        shed.increment();
    }

    public int limit() {
        return limiter.getLimit();
    }

    public int inflight() {
        return limiter.getInflight();
    }

    private static Timer waitTimer(MeterRegistry meters, Lane lane) {
        return Timer.builder("ticketing.http.admission.wait")
                .description("How long requests waited for a slot under the in-flight limit, shed ones included")
                .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                .register(meters);
    }

    /**
     * Past the limit a lane is let in while it holds less than its share: internal calls their
     * {@code internalShare}, public requests the rest (a hair less, since the library wants the shares to sum to
     * at most 1). Below the limit anyone is let in.
     */
    private static AbstractLimiter<Lane> adaptive(LoadSheddingProperties properties) {
        return (AbstractLimiter<Lane>) new LaneLimiterBuilder()
                .partitionResolver(Lane::name)
                .partition(Lane.INTERNAL.name(), properties.internalShare())
                .partition(Lane.PUBLIC.name(), Math.nextDown(1.0 - properties.internalShare()))
                .named("http")
                .limit(Gradient2Limit.newBuilder()
                        .initialLimit(properties.initialLimit())
                        .minLimit(properties.minLimit())
                        .maxConcurrency(properties.maxLimit())
                        .build())
                .build();
    }

    private static final class LaneLimiterBuilder extends AbstractPartitionedLimiter.Builder<LaneLimiterBuilder, Lane> {

        @Override
        protected LaneLimiterBuilder self() {
            return this;
        }
    }
}
