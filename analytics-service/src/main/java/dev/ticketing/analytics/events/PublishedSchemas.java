package dev.ticketing.analytics.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The event schemas as released by the producers (common-events' {@code schemas/released/<topic>/<Event>.v<N>.schema.json},
 * copied in as files at build time): the only description of the events this service relies on. An event is
 * readable when a schema for its topic, type and version is here.
 */
public final class PublishedSchemas {

    private static final Pattern RELEASED = Pattern.compile(".*/schemas/released/([^/]+)/([A-Za-z]+)\\.v(\\d+)\\.schema\\.json$");

    private final Map<String, JsonSchema> byTopicTypeAndVersion;

    private PublishedSchemas(Map<String, JsonSchema> byTopicTypeAndVersion) {
        this.byTopicTypeAndVersion = Map.copyOf(byTopicTypeAndVersion);
    }

    /** Every released schema on the classpath. */
    public static PublishedSchemas released() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:schemas/released/*/*.schema.json");
            for (Resource file : files) {
                Matcher name = RELEASED.matcher(file.getURL().toString());
                if (!name.matches()) {
                    continue;
                }
                try (InputStream in = file.getInputStream()) {
                    schemas.put(key(name.group(1), name.group(2), Integer.parseInt(name.group(3))),
                            factory.getSchema(in, config));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the released event schemas", e);
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no released event schemas on the classpath (schemas/released/)");
        }
        return new PublishedSchemas(schemas);
    }

    public Optional<JsonSchema> of(String topic, String eventType, int schemaVersion) {
        return Optional.ofNullable(byTopicTypeAndVersion.get(key(topic, eventType, schemaVersion)));
    }

    public int size() {
        return byTopicTypeAndVersion.size();
    }

    private static String key(String topic, String eventType, int schemaVersion) {
        return topic + '/' + eventType + '/' + schemaVersion;
    }
}
