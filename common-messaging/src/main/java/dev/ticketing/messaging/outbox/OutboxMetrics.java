package dev.ticketing.messaging.outbox;

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

/** The relay's meters. Tags are low-cardinality: the topic (a handful), never a key or an event id. */
class OutboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final Counter relayFailures;

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.relayFailures = Counter.builder("ticketing.outbox.relay.failures")
                .description("Relay rounds that failed (Kafka or the database unreachable); rows were kept")
                .register(registry);
    }

    /** Unsent rows, counted when scraped. NaN when the database cannot be asked. */
    void registerBacklog(LongSupplier unsentRows) {
        Gauge.builder("ticketing.outbox.backlog", () -> countOrNaN(unsentRows))
                .description("Outbox rows not yet acknowledged by Kafka")
                .strongReference(true)
                .register(registry);
    }

    /** Counts the events and records commit-to-ack lag (from the row's created_at, written just before commit). */
    void published(List<PendingEvent> events, Instant ackedAt) {
        for (PendingEvent event : events) {
            Counter.builder("ticketing.outbox.published").tag("topic", event.topic())
                    .description("Events the relay published and Kafka acknowledged")
                    .register(registry).increment();
            Timer.builder("ticketing.outbox.publish.lag").tag("topic", event.topic())
                    .description("From writing an event to the outbox to Kafka acknowledging it")
                    .register(registry).record(Duration.between(event.createdAt(), ackedAt).abs());
        }
    }

    void relayFailed() {
        relayFailures.increment();
    }

    private static double countOrNaN(LongSupplier unsentRows) {
        try {
            return unsentRows.getAsLong();
        } catch (RuntimeException e) {
            log.debug("outbox backlog unavailable cause={}", e.toString());
            return Double.NaN;
        }
    }
}
