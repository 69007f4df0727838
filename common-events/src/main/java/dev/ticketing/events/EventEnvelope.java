package dev.ticketing.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What goes on the wire for every event, on every topic. {@code eventId} is the dedupe key for
 * consumers (delivery is at-least-once); {@code eventType} names the payload's record.
 */
public record EventEnvelope<E extends DomainEvent>(UUID eventId, String eventType, int schemaVersion,
                                                   Instant occurredAt, String aggregateId, E payload) {

    /** Payloads change only additively within a version; a breaking change needs a new one. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventEnvelope {
        Require.present(eventId, "eventId");
        Require.present(payload, "payload");
        Require.present(eventType, "eventType");
        if (!eventType.equals(EventTypes.nameOf(payload))) {
            throw new IllegalArgumentException("eventType " + eventType + " does not match payload "
                    + EventTypes.nameOf(payload));
        }
        Require.positive(schemaVersion, "schemaVersion");
        Require.present(occurredAt, "occurredAt");
        Require.present(aggregateId, "aggregateId");
    }

    /** Wraps a new event: fresh eventId, current schema version, aggregate id from the event. */
    public static <E extends DomainEvent> EventEnvelope<E> of(E event, Instant occurredAt) {
        Require.present(event, "event");
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.nameOf(event), CURRENT_SCHEMA_VERSION,
                occurredAt, event.aggregateId(), event);
    }

    public static <E extends DomainEvent> EventEnvelope<E> of(E event, Clock clock) {
        return of(event, clock.instant());
    }

    public String topic() {
        return payload.topic();
    }

    public String key() {
        return payload.key();
    }
}
