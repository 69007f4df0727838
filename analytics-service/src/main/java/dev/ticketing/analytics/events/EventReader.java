package dev.ticketing.analytics.events;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a record's value as the catalog says every consumer should: an envelope whose {@code eventType} and
 * {@code schemaVersion} name a released schema of the record's topic, and that the schema accepts. Fields the
 * schema does not know are ignored. Anything else is a {@link PoisonEvent}. Thread-safe.
 */
public final class EventReader {

    private final PublishedSchemas schemas;
    private final ObjectMapper json = new ObjectMapper();

    public EventReader(PublishedSchemas schemas) {
        this.schemas = schemas;
    }

    public PublishedEvent read(String topic, byte[] value) {
        JsonNode envelope = parse(value);
        JsonNode type = envelope.get("eventType");
        JsonNode version = envelope.get("schemaVersion");
        if (type == null || !type.isTextual() || version == null || !version.canConvertToExactIntegral()) {
            throw new PoisonEvent("an envelope needs a text eventType and an integer schemaVersion");
        }
        String eventType = type.asText();
        int schemaVersion = version.asInt();
        JsonSchema schema = schemas.of(topic, eventType, schemaVersion).orElseThrow(() -> new PoisonEvent(
                "no released schema for " + eventType + " v" + schemaVersion + " on " + topic));
        Set<ValidationMessage> errors = schema.validate(envelope);
        if (!errors.isEmpty()) {
            throw new PoisonEvent(eventType + " v" + schemaVersion + " refused by its schema: " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().limit(5).collect(Collectors.joining("; ")));
        }
        try {
            return new PublishedEvent(topic, UUID.fromString(envelope.get("eventId").asText()), eventType,
                    schemaVersion, Instant.parse(envelope.get("occurredAt").asText()), envelope.get("payload"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // The schema's formats should have caught these; a validator gap must not become a retry loop.
            throw new PoisonEvent(eventType + ": " + e.getMessage());
        }
    }

    private JsonNode parse(byte[] value) {
        if (value == null) {
            throw new PoisonEvent("a record without a value");
        }
        try {
            JsonNode tree = json.readTree(value);
            if (tree == null || !tree.isObject()) {
                throw new PoisonEvent("not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw new PoisonEvent("not JSON: " + e.getMessage());
        }
    }
}
