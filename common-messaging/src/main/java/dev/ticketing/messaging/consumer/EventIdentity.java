package dev.ticketing.messaging.consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eventId=... eventType=...} of a record for logs, read leniently: a record that is not a readable
 * envelope (the very records that fail) still gets a log line.
 */
final class EventIdentity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventIdentity() {
    }

    static String of(Object value) {
        if (!(value instanceof byte[] bytes)) {
            return "eventId=? eventType=?";
        }
        try {
            JsonNode envelope = JSON.readTree(bytes);
            return "eventId=" + text(envelope, "eventId") + " eventType=" + text(envelope, "eventType");
        } catch (JacksonException unreadable) {
            return "eventId=? eventType=? unreadable=true";
        }
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope == null ? null : envelope.get(field);
        return value == null || !value.isValueNode() ? "?" : value.asString();
    }
}
