package dev.ticketing.gateway.token;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.UnreadableEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the revocation feed needs of a {@code queue.events} record: for a TokenExpired, its token id and when it
 * expired. Read as a stream of JSON tokens, without building the envelope and its event. A starting gateway reads
 * every record of {@code queue.events} within the longest token lifetime before it takes traffic (one
 * TokenActivated and one TokenExpired per admitted fan: about 250,000 records after one benchmark run here), and
 * building each event with {@link EventSerde} was two thirds of that replay's CPU (JFR). Any other event type is
 * passed over as soon as its {@code eventType} has been read.
 *
 * <p>For a TokenExpired it accepts what {@link EventSerde} accepts for the fields it reads: an object with the
 * current {@code schemaVersion} and a {@code payload} object whose {@code tokenId} is a UUID and whose
 * {@code expiredAt} an ISO-8601 instant, nothing after the object. Anything else is an {@link UnreadableEvent}, as
 * EventSerde would say; fields it does not need are not looked at.
 */
final class ExpiredTokenReader {

    private static final String TOKEN_EXPIRED = "TokenExpired";

    /** A revoked token: its id as the gateway compares it (a JWS {@code jti}), and when it expired. */
    record Expired(String tokenId, Instant expiredAt) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** The token a TokenExpired ended, or empty for every other event. */
    Optional<Expired> read(byte[] record) {
        try (JsonParser parser = json.createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEvent("not an event envelope");
            }
            String type = null;
            Integer version = null;
            Payload payload = null;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventType" -> {
                        type = text(parser, value, "eventType");
                        if (!TOKEN_EXPIRED.equals(type)) {
                            return Optional.empty();
                        }
                    }
                    case "schemaVersion" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                    case "payload" -> payload = Payload.read(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new UnreadableEvent("not a single event envelope");
            }
            if (type == null || version == null) {
                throw new UnreadableEvent("envelope without eventType or schemaVersion");
            }
            if (version != EventEnvelope.CURRENT_SCHEMA_VERSION) {
                throw new UnreadableEvent("unsupported schemaVersion " + version + " of " + type + ": this build reads "
                        + EventEnvelope.CURRENT_SCHEMA_VERSION);
            }
            if (payload == null) {
                throw new UnreadableEvent(type + " envelope without a payload object");
            }
            return Optional.of(payload.expired());
        } catch (JacksonException e) {
            throw new UnreadableEvent("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The two payload fields as written, judged only once the envelope has said it is a TokenExpired (the payload
     * may come before the {@code eventType}).
     */
    private record Payload(String tokenId, String expiredAt) {

        static Payload read(JsonParser parser, JsonToken start) {
            if (start != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            String tokenId = null;
            String expiredAt = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("tokenId".equals(field) && value == JsonToken.VALUE_STRING) {
                    tokenId = parser.getString();
                } else if ("expiredAt".equals(field) && value == JsonToken.VALUE_STRING) {
                    expiredAt = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            return new Payload(tokenId, expiredAt);
        }

        Expired expired() {
            if (tokenId == null || expiredAt == null) {
                throw new UnreadableEvent("invalid " + TOKEN_EXPIRED + " payload: tokenId and expiredAt are required"
                        + " strings");
            }
            return new Expired(uuid(tokenId), instant(expiredAt));
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field) {
        if (value != JsonToken.VALUE_STRING) {
            throw new UnreadableEvent(field + " is not a string");
        }
        return parser.getString();
    }

    private static String uuid(String text) {
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("invalid " + TOKEN_EXPIRED + " payload: tokenId is not a UUID", e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new UnreadableEvent("invalid " + TOKEN_EXPIRED + " payload: expiredAt is not an instant", e);
        }
    }
}
