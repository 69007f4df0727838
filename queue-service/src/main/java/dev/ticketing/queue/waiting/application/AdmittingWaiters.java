package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import reactor.core.publisher.Mono;

/**
 * One admission cycle: for each concert with a line, end what is over and admit the next in join order up to the
 * maximum. Each concert's step is atomic in the store, so any number of instances may run cycles at the same time
 * without ever exceeding the maximum; a concert whose step fails is simply tried again next cycle.
 */
public class AdmittingWaiters {

    private static final Logger log = LoggerFactory.getLogger(AdmittingWaiters.class);

    private final QueueStore store;
    private final QueueMetrics metrics;
    private final Clock clock;

    public AdmittingWaiters(QueueStore store, QueueMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs one cycle over every concert with a line; fails only when the list of lines cannot be read. */
    public Mono<List<AdmissionOutcome>> admitAll() {
        long started = System.nanoTime();
        return store.concertsInLine()
                .concatMap(concertId -> admit(concertId).onErrorResume(e -> {
                    log.warn("admission_failed concert={} cause=\"{}\"", concertId, e.toString());
                    return Mono.empty();
                }))
                .collectList()
                .doOnSuccess(outcomes -> metrics.admissionCycle(Duration.ofNanos(System.nanoTime() - started)));
    }

    public Mono<AdmissionOutcome> admit(UUID concertId) {
        return store.admit(concertId, clock.instant()).doOnNext(outcome -> {
            metrics.admissionOutcome(outcome);
            if (outcome.admitted() + outcome.timedOut() + outcome.abandoned() > 0) {
                log.info("admission concert={} admitted={} timed_out={} abandoned={} waiting={} active={}",
                        concertId, outcome.admitted(), outcome.timedOut(), outcome.abandoned(), outcome.waiting(),
                        outcome.active());
            }
        });
    }
}
