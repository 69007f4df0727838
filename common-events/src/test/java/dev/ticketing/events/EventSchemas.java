package dev.ticketing.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the published schemas from the classpath, as a consumer would, with formats asserted. */
final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation by default; the contract means uuid/date/date-time.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemas() {
    }

    static String text(Class<? extends DomainEvent> type) {
        String path = EventTypes.schemaPath(type);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no schema on the classpath at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the schema document itself against the draft 2020-12 meta-schema (bundled, no network). */
    static Set<ValidationMessage> validateAgainstMetaSchema(Class<? extends DomainEvent> type) {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        return metaSchema.validate(text(type), InputFormat.JSON);
    }

    static JsonNode tree(Class<? extends DomainEvent> type) {
        return JSON.readTree(text(type));
    }

    static Set<ValidationMessage> validate(Class<? extends DomainEvent> type, String json) {
        JsonSchema schema = FACTORY.getSchema(text(type), InputFormat.JSON, CONFIG);
        return schema.validate(json, InputFormat.JSON);
    }
}
