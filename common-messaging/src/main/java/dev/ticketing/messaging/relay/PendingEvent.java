package dev.ticketing.messaging.relay;

import java.time.Instant;
import java.util.UUID;

/**
 * An event written to a store and not yet acknowledged by Kafka: everything the relay needs to publish it.
 *
 * @param id        the store's own name for it (an outbox row id, a stream entry id), for {@link OutboxSource#acknowledge}
 * @param payload   the serialized envelope, byte for byte what goes on Kafka, the same on every (re)delivery
 * @param createdAt when it was written, for the commit-to-ack lag
 * @param traceParent the W3C traceparent of the transaction that wrote it, which its publish continues; null when
 *                    written outside a trace or before the store kept one
 */
public record PendingEvent(String id, UUID eventId, String topic, String key, byte[] payload, Instant createdAt,
                           String traceParent) {

    /** An event stored without a trace context. */
    public PendingEvent(String id, UUID eventId, String topic, String key, byte[] payload, Instant createdAt) {
        this(id, eventId, topic, key, payload, createdAt, null);
    }
}
