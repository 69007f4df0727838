package dev.ticketing.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row not yet acknowledged by Kafka: everything the relay needs to publish it. */
record PendingEvent(long id, UUID eventId, String topic, String key, byte[] payload, Instant createdAt) {
}
