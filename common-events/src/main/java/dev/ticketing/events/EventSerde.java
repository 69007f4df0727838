package dev.ticketing.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope to JSON and back. The payload's type comes from {@code eventType} via {@link EventTypes}.
 * Reading is tolerant of fields it does not know (producers may add optional ones) and strict about
 * everything else: any failure is an {@link UnreadableEvent}, which consumers dead-letter.
 * Thread-safe; create one and share it.
 */
public final class EventSerde {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Money and seat numbers are integers: 1500.7 must not quietly become 1500.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // An absent OptionalField is left out, as its schema (a string, not a null) wants; nothing else is null.
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** The envelope before its payload's type is known. */
    private record RawEnvelope(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                               String aggregateId, JsonNode payload) {
    }

    public byte[] toBytes(EventEnvelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public String toJson(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope<DomainEvent> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public EventEnvelope<DomainEvent> read(byte[] json) {
        RawEnvelope raw = readRaw(json);
        Class<? extends DomainEvent> type = EventTypes.classOf(raw.eventType())
                .orElseThrow(() -> new UnknownEventType(raw.eventType()));
        try {
            return new EventEnvelope<>(raw.eventId(), raw.eventType(), raw.schemaVersion(), raw.occurredAt(),
                    raw.aggregateId(), readPayload(raw.payload(), type));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("invalid " + raw.eventType() + " envelope: " + e.getMessage(), e);
        }
    }

    /** Reads an envelope whose payload must be of {@code expected}, e.g. a topic's sealed interface. */
    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventEnvelope<E> read(byte[] json, Class<E> expected) {
        EventEnvelope<DomainEvent> envelope = read(json);
        if (!expected.isInstance(envelope.payload())) {
            throw new UnreadableEvent("expected a " + expected.getSimpleName() + " but got "
                    + envelope.eventType() + " (eventId " + envelope.eventId() + ")");
        }
        return (EventEnvelope<E>) envelope;
    }

    private RawEnvelope readRaw(byte[] json) {
        RawEnvelope raw;
        try {
            raw = mapper.readValue(json, RawEnvelope.class);
        } catch (JacksonException e) {
            throw new UnreadableEvent("not an event envelope: " + e.getOriginalMessage(), e);
        }
        if (raw == null || raw.eventType() == null || raw.schemaVersion() == null) {
            throw new UnreadableEvent("envelope without eventType or schemaVersion");
        }
        if (raw.schemaVersion() != EventEnvelope.CURRENT_SCHEMA_VERSION) {
            throw new UnreadableEvent("unsupported schemaVersion " + raw.schemaVersion() + " of "
                    + raw.eventType() + ": this build reads " + EventEnvelope.CURRENT_SCHEMA_VERSION);
        }
        if (raw.payload() == null || !raw.payload().isObject()) {
            throw new UnreadableEvent(raw.eventType() + " envelope without a payload object");
        }
        return raw;
    }

    private DomainEvent readPayload(JsonNode payload, Class<? extends DomainEvent> type) {
        requirePrimitiveFields(payload, type);
        try {
            return mapper.treeToValue(payload, type);
        } catch (JacksonException e) {
            throw new UnreadableEvent("invalid " + type.getSimpleName() + " payload: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Jackson turns a missing number into 0, which could pass as a real price or balance. Missing object
     * fields arrive as null and the records reject them; numbers need this check. (Optional fields added
     * later are therefore never primitives.)
     */
    private static void requirePrimitiveFields(JsonNode payload, Class<? extends DomainEvent> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = payload.get(component.getName());
            if (component.getType().isPrimitive() && (value == null || value.isNull())) {
                throw new UnreadableEvent("invalid " + type.getSimpleName() + " payload: "
                        + component.getName() + " is required");
            }
        }
    }
}
