package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The relay's meters: events published, failed rounds, and the time from the outbox write to Kafka's ack. */
@Component
class RelayMetrics {

    private final Counter published;
    private final Counter failures;
    private final Timer lag;

    RelayMetrics(MeterRegistry registry) {
        this.published = Counter.builder("ticketing.queue.outbox.published")
                .description("Queue events forwarded to Kafka").register(registry);
        this.failures = Counter.builder("ticketing.queue.outbox.relay.failures")
                .description("Relay rounds that failed (Redis or Kafka unreachable)").register(registry);
        this.lag = Timer.builder("ticketing.queue.outbox.publish.lag")
                .description("From the outbox write (stream entry id, Redis time) to Kafka's ack").register(registry);
    }

    void published(List<StringRecord> entries) {
        published.increment(entries.size());
        long now = System.currentTimeMillis();
        for (StringRecord entry : entries) {
            lag.record(Duration.ofMillis(Math.max(0, now - entry.getId().getTimestamp())));
        }
    }

    void failedRound() {
        failures.increment();
    }
}
