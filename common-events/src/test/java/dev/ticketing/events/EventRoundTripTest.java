package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class EventRoundTripTest {

    private final EventSerde serde = new EventSerde();

    static List<DomainEvent> everyEvent() {
        return SampleEvents.oneOfEach();
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesARoundTripThroughJsonThatMatchesItsSchema(DomainEvent event) {
        EventEnvelope<DomainEvent> sent = EventEnvelope.of(event, SampleEvents.NOW);

        byte[] bytes = serde.toBytes(sent);

        assertThat(EventSchemas.validate(event.getClass(), new String(bytes))).isEmpty();
        assertThat(serde.read(bytes)).isEqualTo(sent);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void wireFormatHasExactlyTheEnvelopeAndRecordFieldsWithIsoTimes(DomainEvent event) {
        ObjectNode json = JsonEdit.tree(serde.toJson(EventEnvelope.of(event, SampleEvents.NOW)));

        assertThat(json.propertyNames())
                .containsExactly("eventId", "eventType", "schemaVersion", "occurredAt", "aggregateId", "payload");
        assertThat(json.get("occurredAt").stringValue()).isEqualTo("2026-11-21T09:30:15.123456789Z");
        assertThat(json.get("payload").propertyNames()).containsExactlyElementsOf(
                Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
        if (event instanceof ReservationEvent) {
            assertThat(json.get("payload").get("date").stringValue()).isEqualTo("2026-12-24");
        }
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void stringAndByteFormsReadBackAlike(DomainEvent event) {
        EventEnvelope<DomainEvent> sent = EventEnvelope.of(event, SampleEvents.NOW);

        assertThat(serde.read(serde.toJson(sent))).isEqualTo(serde.read(serde.toBytes(sent))).isEqualTo(sent);
    }
}
