package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas as released are kept under {@code schemas/released/<topic>/<Event>.v<N>.schema.json}; readers out there
 * were built against them. The schema in the build must be readable by those readers, or announce a new
 * {@code schemaVersion} in EVENTS.md (a line naming the event and its new version) and be released as such.
 */
class ReleasedSchemasTest {

    private static final Path RELEASED = Path.of("src/main/resources/schemas/released");
    private static final Path CATALOG = Path.of("EVENTS.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Class<? extends DomainEvent>> events() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSchemaInTheBuildIsReadableByReadersOfTheReleasedOneOrAnnouncesANewVersion(Class<? extends DomainEvent> type)
            throws IOException {
        String name = EventTypes.nameOf(type);
        Path released = latestReleased(type).orElseThrow(() -> new AssertionError(name + " has never been released: copy "
                + EventTypes.schemaPath(type) + " to " + RELEASED.resolve(EventTypes.topicOf(type)).resolve(name + ".v1.schema.json")
                + " when its first producer ships"));
        JsonNode releasedSchema = JSON.readTree(Files.readString(released));
        JsonNode current = EventSchemas.tree(type);
        int releasedVersion = version(releasedSchema);
        int currentVersion = version(current);

        assertThat(currentVersion).as(name + ": schemaVersion below the released " + releasedVersion).isGreaterThanOrEqualTo(releasedVersion);
        if (currentVersion == releasedVersion) {
            assertThat(SchemaCompatibility.breakingChanges(releasedSchema, current))
                    .as(name + " v" + currentVersion + " changed in ways readers of " + released.getFileName()
                            + " cannot read; raise its schemaVersion and say what changes in EVENTS.md")
                    .isEmpty();
        } else {
            assertThat(Files.readString(CATALOG))
                    .as("EVENTS.md must announce " + name + " schemaVersion " + currentVersion + " and what changes")
                    .containsPattern("`" + name + "`[^\\n]*schemaVersion " + currentVersion);
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void theReleasedSchemaNamesItsEventAndVersion(Class<? extends DomainEvent> type) throws IOException {
        Path released = latestReleased(type).orElseThrow();
        JsonNode schema = JSON.readTree(Files.readString(released));

        assertThat(schema.path("properties").path("eventType").path("const").asString()).isEqualTo(EventTypes.nameOf(type));
        assertThat(released.getFileName().toString()).isEqualTo(EventTypes.nameOf(type) + ".v" + version(schema) + ".schema.json");
    }

    private static Optional<Path> latestReleased(Class<? extends DomainEvent> type) throws IOException {
        Path dir = RELEASED.resolve(EventTypes.topicOf(type));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Pattern file = Pattern.compile(Pattern.quote(EventTypes.nameOf(type)) + "\\.v(\\d+)\\.schema\\.json");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> file.matcher(path.getFileName().toString()).matches())
                    .max(Comparator.comparingInt(path -> releasedVersion(file, path)));
        }
    }

    private static int releasedVersion(Pattern file, Path path) {
        Matcher matcher = file.matcher(path.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static int version(JsonNode schema) {
        return schema.path("properties").path("schemaVersion").path("const").asInt();
    }
}
