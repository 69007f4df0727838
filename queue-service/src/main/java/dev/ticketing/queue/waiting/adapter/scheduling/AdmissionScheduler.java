package dev.ticketing.queue.waiting.adapter.scheduling;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ticketing.queue.scheduling.ReactiveSchedule;
import dev.ticketing.queue.waiting.application.AdmittingWaiters;
import dev.ticketing.queue.waiting.domain.QueuePolicy;

/**
 * Runs an admission cycle every admit-interval on every instance. No lock is needed: each concert's step is one
 * atomic script, so cycles of several instances interleave safely (they only share the work). A cycle still
 * running when the next tick comes lets that tick pass. Without Redis nothing is admitted; cycles resume by
 * themselves when it is back.
 */
@Component
class AdmissionScheduler extends ReactiveSchedule {

    private static final Logger log = LoggerFactory.getLogger(AdmissionScheduler.class);

    private final AdmittingWaiters admitting;
    private final QueuePolicy policy;
    private final AtomicBoolean failing = new AtomicBoolean();

    AdmissionScheduler(AdmittingWaiters admitting, QueuePolicy policy) {
        this.admitting = admitting;
        this.policy = policy;
    }

    @Override
    protected Flux<?> rounds() {
        return Flux.interval(policy.admitInterval())
                .onBackpressureDrop()
                .concatMap(tick -> admitting.admitAll()
                        .doOnSuccess(outcomes -> {
                            if (failing.compareAndSet(true, false)) {
                                log.info("admission_resumed");
                            }
                        })
                        .onErrorResume(e -> {
                            // Logged once per outage, not once per cycle.
                            if (failing.compareAndSet(false, true)) {
                                log.warn("admission_paused cause=\"{}\"", e.toString());
                            }
                            return Mono.empty();
                        }), 1);
    }
}
