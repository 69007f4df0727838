package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Each event's example payload in EVENTS.md is one its schema accepts and this module reads: the catalog cannot drift. */
class CatalogExamplesTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

    static Stream<Class<? extends DomainEvent>> events() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theCatalogsExamplePayloadIsValidAndReadable(Class<? extends DomainEvent> type) throws IOException {
        String name = EventTypes.nameOf(type);
        String catalog = Files.readString(Path.of("EVENTS.md"));
        int heading = catalog.indexOf("\n**" + name + "**");
        assertThat(heading).as("EVENTS.md describes " + name).isPositive();
        int next = catalog.indexOf("\n**", heading + 1);
        Matcher example = JSON_BLOCK.matcher(catalog.substring(heading, next < 0 ? catalog.length() : next));
        assertThat(example.find()).as("EVENTS.md has an example payload for " + name).isTrue();

        ObjectNode payload = JsonEdit.tree(example.group(1));
        ObjectNode envelope = JsonEdit.tree("""
                {"eventId":"e1ab627f-42b1-457e-9bb3-b922dcea863c","eventType":"%s","schemaVersion":1,
                 "occurredAt":"2026-11-21T09:30:15.130Z","aggregateId":"d65b26ad-928a-47dc-8b13-c9087466ef81"}
                """.formatted(name));
        envelope.set("payload", payload);
        String json = envelope.toString();

        assertThat(EventSchemas.validate(type, json)).as(name + " example against its schema").isEmpty();
        assertThat(new EventSerde().read(json.getBytes(StandardCharsets.UTF_8)).payload()).isInstanceOf(type);
    }
}
