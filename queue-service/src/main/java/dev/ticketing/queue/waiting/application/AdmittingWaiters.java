package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.ticketing.queue.waiting.domain.AdmissionLimit;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import reactor.core.publisher.Mono;

/**
 * One admission cycle: for each concert with a line, end what is over and admit the next in join order up to the
 * admission limit ({@link ControllingAdmission}, never above the maximum), at most
 * {@link ControllingAdmission#admitsPerCycle()} of them per concert. Each concert's step is atomic in the
 * store, so any number of instances may run cycles at the same time without ever exceeding the maximum; a concert
 * whose step fails is simply tried again next cycle.
 */
@Service
public class AdmittingWaiters {

    private static final Logger log = LoggerFactory.getLogger(AdmittingWaiters.class);

    private final QueueStore store;
    private final ControllingAdmission control;
    private final QueueMetrics metrics;
    private final Clock clock;

    public AdmittingWaiters(QueueStore store, ControllingAdmission control, QueueMetrics metrics, Clock clock) {
        this.store = store;
        this.control = control;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs one cycle over every concert with a line; fails only when the admission limit or the list of lines cannot
     * be read.
     */
    public Mono<List<AdmissionOutcome>> admitAll() {
        long started = System.nanoTime();
        return control.currentLimit().flatMap(limit -> store.concertsInLine()
                .concatMap(concertId -> admit(concertId, limit).onErrorResume(e -> {
                    log.warn("admission_failed concert={} cause=\"{}\"", concertId, e.toString());
                    return Mono.empty();
                }))
                .collectList())
                .doOnSuccess(outcomes -> metrics.admissionCycle(Duration.ofNanos(System.nanoTime() - started)));
    }

    /** One concert's step, under the current admission limit. */
    public Mono<AdmissionOutcome> admit(UUID concertId) {
        return control.currentLimit().flatMap(limit -> admit(concertId, limit));
    }

    private Mono<AdmissionOutcome> admit(UUID concertId, AdmissionLimit limit) {
        return store.admit(concertId, limit.limit(), control.admitsPerCycle(), clock.instant()).doOnNext(outcome -> {
            metrics.admissionOutcome(outcome);
            if (outcome.changedAnything()) {
                log.info("admission concert={} admitted={} timed_out={} abandoned={} released={} waiting={} active={}",
                        concertId, outcome.admitted(), outcome.timedOut(), outcome.abandoned(), outcome.released(),
                        outcome.waiting(), outcome.active());
            }
        });
    }
}
