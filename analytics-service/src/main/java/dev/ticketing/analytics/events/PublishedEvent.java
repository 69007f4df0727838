package dev.ticketing.analytics.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as read off a topic and checked against its published schema: the envelope's fields, and the payload
 * as a tree from which {@link EventFacts} takes the fields it needs.
 */
public record PublishedEvent(String topic, UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                             JsonNode payload) {

    public String text(String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public Instant instant(String field) {
        String value = text(field);
        return value == null ? null : Instant.parse(value);
    }

    public long number(String field) {
        return payload.path(field).asLong();
    }
}
