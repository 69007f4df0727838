package dev.ticketing.queue.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventTypes;
import dev.ticketing.events.QueueEvent;
import dev.ticketing.events.TokenActivated;
import dev.ticketing.events.TokenExpired;

/**
 * Turns an outbox stream entry (flat fields written by the Lua scripts, see scripts/queue-lib.lua) into the
 * event envelope of common-events. The entry carries everything, the event id included, so rebuilding the
 * envelope for a re-send gives the same event.
 */
final class QueueEventEntries {

    /** The optional field with the W3C traceparent of the change the entry announces (not part of the event). */
    static final String TRACE_PARENT = "traceparent";

    private QueueEventEntries() {
    }

    static EventEnvelope<QueueEvent> envelopeOf(Map<String, String> entry) {
        UUID tokenId = uuid(entry, "tokenId");
        UUID userId = uuid(entry, "userId");
        UUID concertId = uuid(entry, "concertId");
        Instant at = instant(entry, "at");
        QueueEvent event = switch (field(entry, "type")) {
            case "TokenActivated" -> new TokenActivated(tokenId, userId, concertId, at, instant(entry, "expiresAt"),
                    optionalInstant(entry, "joinedAt"));
            case "TokenExpired" -> new TokenExpired(tokenId, userId, concertId,
                    TokenExpired.Reason.valueOf(field(entry, "reason")), at, optionalInstant(entry, "joinedAt"));
            default -> throw new IllegalArgumentException("unknown outbox entry type " + entry.get("type"));
        };
        return new EventEnvelope<>(uuid(entry, "eventId"), EventTypes.nameOf(event),
                EventEnvelope.CURRENT_SCHEMA_VERSION, at, event.aggregateId(), event);
    }

    private static String field(Map<String, String> entry, String name) {
        String value = entry.get(name);
        if (value == null) {
            throw new IllegalArgumentException("outbox entry without " + name + ": " + entry);
        }
        return value;
    }

    private static UUID uuid(Map<String, String> entry, String name) {
        return UUID.fromString(field(entry, name));
    }

    private static Instant instant(Map<String, String> entry, String name) {
        return Instant.ofEpochMilli(Long.parseLong(field(entry, name)));
    }

    /** A field entries written before it existed lack (an outbox may hold such entries across an upgrade). */
    private static Instant optionalInstant(Map<String, String> entry, String name) {
        return entry.containsKey(name) ? instant(entry, name) : null;
    }
}
