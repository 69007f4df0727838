package dev.ticketing.messaging.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's meters. Tags are low-cardinality: the store ({@code jdbc}, {@code redis}) and the topic (a
 * handful), never a key or an event id.
 */
class OutboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final String store;
    private final Counter relayFailures;

    OutboxMetrics(MeterRegistry registry, String store) {
        this.registry = registry;
        this.store = store;
        this.relayFailures = Counter.builder("ticketing.outbox.relay.failures").tag("store", store)
                .description("Relay rounds that failed (Kafka or the store unreachable); events were kept")
                .register(registry);
    }

    /** Events not yet acknowledged, counted when scraped. NaN when the store cannot be asked. */
    void registerBacklog(LongSupplier pending) {
        Gauge.builder("ticketing.outbox.backlog", () -> countOrNaN(pending)).tag("store", store)
                .description("Outbox events not yet acknowledged by Kafka")
                .strongReference(true)
                .register(registry);
    }

    /** Counts the events and records write-to-ack lag (from when the event was written, just before commit). */
    void published(List<PendingEvent> events, Instant ackedAt) {
        for (PendingEvent event : events) {
            Counter.builder("ticketing.outbox.published").tags("store", store, "topic", event.topic())
                    .description("Events the relay published and Kafka acknowledged")
                    .register(registry).increment();
            Timer.builder("ticketing.outbox.publish.lag").tags("store", store, "topic", event.topic())
                    .description("From writing an event to the outbox to Kafka acknowledging it")
                    .register(registry).record(Duration.between(event.createdAt(), ackedAt).abs());
        }
    }

    void relayFailed() {
        relayFailures.increment();
    }

    private double countOrNaN(LongSupplier pending) {
        try {
            return pending.getAsLong();
        } catch (RuntimeException e) {
            log.debug("outbox backlog unavailable store={} cause={}", store, e.toString());
            return Double.NaN;
        }
    }
}
