package dev.ticketing.queue.waiting.application;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.waiting.domain.AdmissionControl.Adjustment;
import dev.ticketing.queue.waiting.domain.AdmissionLimit;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.AdmissionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The queue's meters. The {@code concert} tag is only used where it is bounded: a line exists only for a concert
 * that concert-service knows (joins are validated), and concerts are few. Joins and polls, the hot path, carry no
 * concert tag. Every instance counts what it did itself; sum over instances for the whole picture.
 */
@Component
public class QueueMetrics {

    private final MeterRegistry registry;
    private final Counter newJoins;
    private final Counter repeatedJoins;
    private final Counter polls;
    private final DistributionSummary admissionBatch;
    private final Timer admissionCycle;
    private final Timer estimatedWait;
    private final Timer actualWait;
    private final Map<UUID, LineGauges> lines = new ConcurrentHashMap<>();
    private final AtomicReference<AdmissionLimit> admissionLimit = new AtomicReference<>();

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.newJoins = Counter.builder("ticketing.queue.joins").tag("place", "new")
                .description("Joins that put a user in line").register(registry);
        this.repeatedJoins = Counter.builder("ticketing.queue.joins").tag("place", "existing")
                .description("Joins by a user who already had a live token: same place").register(registry);
        this.polls = Counter.builder("ticketing.queue.polls").description("Position polls answered").register(registry);
        this.admissionCycle = Timer.builder("ticketing.queue.admission.cycle")
                .description("One admission cycle over every concert with a line").register(registry);
        this.admissionBatch = DistributionSummary.builder("ticketing.queue.admission.batch")
                .description("Fans one admission cycle admitted to one concert's line (cycles that admitted anyone)")
                .register(registry);
        this.estimatedWait = waitTimer("ticketing.queue.wait.estimated",
                "estimatedWaitSeconds a join answered with (new places only)");
        this.actualWait = waitTimer("ticketing.queue.wait.actual", "From joining the line to being admitted");
        for (TokenExpired.Reason reason : TokenExpired.Reason.values()) {
            expired(reason);
        }
        Gauge.builder("ticketing.queue.admission.limit", admissionLimit, QueueMetrics::limitOf)
                .description("ACTIVE fans per concert the admission controller allows now (QUEUE_MAX_ACTIVE at most)")
                .register(registry);
        for (AdmissionReason reason : AdmissionReason.values()) {
            Gauge.builder("ticketing.queue.admission.reason", admissionLimit,
                            limit -> limit.get() != null && limit.get().reason() == reason ? 1 : 0)
                    .tag("reason", reason.tag())
                    .description("1 for the reason the admission limit is what it is, 0 for the others")
                    .register(registry);
        }
    }

    /** The limit this instance's last admission cycle used. */
    public void admissionLimit(AdmissionLimit limit) {
        admissionLimit.set(limit);
    }

    /** A control step this instance took (each step is taken by one instance). */
    public void admissionAdjusted(Adjustment adjustment) {
        Counter.builder("ticketing.queue.admission.adjustments")
                .tag("direction", adjustment.direction().tag())
                .tag("reason", adjustment.limit().reason().tag())
                .description("Admission control steps, by direction and reason").register(registry).increment();
    }

    private static double limitOf(AtomicReference<AdmissionLimit> limit) {
        AdmissionLimit current = limit.get();
        return current == null ? Double.NaN : current.limit();
    }

    public void joined(boolean newPlace) {
        (newPlace ? newJoins : repeatedJoins).increment();
    }

    /** The wait a new place in line was promised, to set beside the waits admissions measure. */
    public void estimatedWait(Duration estimate) {
        estimatedWait.record(estimate);
    }

    public void polled() {
        polls.increment();
    }

    public void admissionCycle(Duration took) {
        admissionCycle.record(took);
    }

    /** Records what a cycle did to one concert's line and how long the line is now. */
    public void admissionOutcome(AdmissionOutcome outcome) {
        LineGauges line = lines.computeIfAbsent(outcome.concertId(), this::registerLine);
        line.waiting.set(outcome.waiting());
        line.active.set(outcome.active());
        outcome.rate().measuredPerSecond().ifPresent(line.rate::set);
        line.admitted.increment(outcome.admitted());
        if (outcome.admitted() > 0) {
            admissionBatch.record(outcome.admitted());
        }
        line.abandoned.increment(outcome.abandoned());
        line.released.increment(outcome.released());
        outcome.waits().forEach(actualWait::record);
        expired(TokenExpired.Reason.ABANDONED).increment(outcome.abandoned() + outcome.released());
        expired(TokenExpired.Reason.TIMEOUT).increment(outcome.timedOut());
    }

    public void expiredByEvent(TokenExpired.Reason reason) {
        expired(reason).increment();
    }

    private Counter expired(TokenExpired.Reason reason) {
        return Counter.builder("ticketing.queue.expired").tag("reason", reason.name())
                .description("Tokens that ended, by reason").register(registry);
    }

    private LineGauges registerLine(UUID concertId) {
        String concert = concertId.toString();
        AtomicLong waiting = new AtomicLong();
        AtomicLong active = new AtomicLong();
        AtomicReference<Double> rate = new AtomicReference<>(Double.NaN);
        Gauge.builder("ticketing.queue.waiting", waiting, AtomicLong::get).tag("concert", concert)
                .description("WAITING tokens of a concert after the last admission cycle").register(registry);
        Gauge.builder("ticketing.queue.active", active, AtomicLong::get).tag("concert", concert)
                .description("ACTIVE tokens of a concert after the last admission cycle").register(registry);
        Gauge.builder("ticketing.queue.admission.rate", rate, AtomicReference::get).tag("concert", concert)
                .description("Measured admissions per second of a concert (what estimatedWaitSeconds divides by)")
                .register(registry);
        Counter admitted = Counter.builder("ticketing.queue.admitted").tag("concert", concert)
                .description("WAITING tokens admitted (made ACTIVE)").register(registry);
        Counter abandoned = Counter.builder("ticketing.queue.abandoned").tag("concert", concert)
                .description("WAITING tokens that lost their place by not polling").register(registry);
        Counter released = Counter.builder("ticketing.queue.released").tag("concert", concert)
                .description("ACTIVE tokens ended because their fan made no request for the ACTIVE idle timeout")
                .register(registry);
        return new LineGauges(waiting, active, rate, admitted, abandoned, released);
    }

    /** Waits run to minutes, beyond the 10 s that bounds the request latencies' buckets. */
    private Timer waitTimer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    private record LineGauges(AtomicLong waiting, AtomicLong active, AtomicReference<Double> rate, Counter admitted,
                              Counter abandoned, Counter released) {
    }
}
