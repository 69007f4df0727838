package dev.ticketing.analytics.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ticketing.analytics.events{topic, outcome}}: events counted, skipped as duplicates (same eventId), or
 * dead-lettered. A rate to watch, not a figure: a task that is re-run after a crash counts its records again here,
 * while the figures themselves count each event once.
 */
public final class StreamMeters {

    private final MeterRegistry registry;

    public StreamMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String topic : Topics.READ) {
            for (String outcome : new String[] {"counted", "duplicate", "dead_lettered"}) {
                counter(topic, outcome);
            }
        }
    }

    void counted(String topic) {
        counter(topic, "counted").increment();
    }

    void duplicate(String topic) {
        counter(topic, "duplicate").increment();
    }

    void deadLettered(String topic) {
        counter(topic, "dead_lettered").increment();
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder("ticketing.analytics.events")
                .description("Events read by analytics-service, by what became of them")
                .tag("topic", topic).tag("outcome", outcome)
                .register(registry);
    }
}
