package dev.ticketing.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Events as they are on the topics, written the way the catalog (common-events/EVENTS.md) shows them: this
 * service's tests know the events only as JSON, like the service itself.
 */
public final class Envelopes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Envelopes() {
    }

    public static byte[] envelope(UUID eventId, String eventType, Instant occurredAt, String aggregateId,
                           Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", eventType);
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateId", aggregateId);
        envelope.put("payload", payload);
        return JSON.writeValueAsBytes(envelope);
    }

    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            fields.put((String) namesAndValues[i], value instanceof UUID || value instanceof Instant
                    ? value.toString() : value);
        }
        return fields;
    }
}
