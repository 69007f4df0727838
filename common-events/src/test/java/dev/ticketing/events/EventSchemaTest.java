package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class EventSchemaTest {

    private final EventSerde serde = new EventSerde();

    static List<Class<? extends DomainEvent>> everyEventType() {
        return EventTypes.all();
    }

    static Stream<Arguments> everyPayloadField() {
        return EventTypes.all().stream().flatMap(type -> Arrays.stream(type.getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(OptionalField.class))
                .map(component -> Arguments.of(type.getSimpleName(), component.getName())));
    }

    static Stream<Arguments> everyOptionalField() {
        return EventTypes.all().stream().flatMap(type -> Arrays.stream(type.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(OptionalField.class))
                .map(component -> Arguments.of(type.getSimpleName(), component.getName())));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void schemaDescribesExactlyTheRecordsFieldsRequiredUnlessAddedLater(Class<? extends DomainEvent> type) {
        JsonNode schema = EventSchemas.tree(type);
        JsonNode payload = schema.at("/properties/payload");
        List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> required = Arrays.stream(type.getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(OptionalField.class))
                .map(RecordComponent::getName).toList();

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/eventType/const").stringValue()).isEqualTo(type.getSimpleName());
        assertThat(payload.get("properties").propertyNames()).containsExactlyElementsOf(fields);
        // A field added within a version (@OptionalField) is listed, but not required: older events lack it.
        assertThat(payload.get("required").values()).extracting(JsonNode::stringValue)
                .containsExactlyElementsOf(required);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyOptionalField")
    void payloadWithoutAFieldAddedLaterIsValidAndReadsAsNull(String eventType, String field) throws Exception {
        Class<? extends DomainEvent> type = EventTypes.classOf(eventType).orElseThrow();
        String json = JsonEdit.payload(validJson(type), payload -> payload.remove(field));

        assertThat(EventSchemas.validate(type, json)).isEmpty();
        DomainEvent read = serde.read(json).payload();
        assertThat(type.getMethod(field).invoke(read)).isNull();
        assertThat(serde.toJson(serde.read(json))).doesNotContain("\"" + field + "\"");
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void everySchemaIsAValidDraft202012Schema(Class<? extends DomainEvent> type) {
        assertThat(EventSchemas.validateAgainstMetaSchema(type)).isEmpty();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyPayloadField")
    void payloadMissingARequiredFieldIsRejectedByTheSchemaAndTheReader(String eventType, String field) {
        Class<? extends DomainEvent> type = EventTypes.classOf(eventType).orElseThrow();
        String json = JsonEdit.payload(validJson(type), payload -> payload.remove(field));

        assertThat(EventSchemas.validate(type, json)).extracting(message -> message.getMessage())
                .anySatisfy(message -> assertThat(message).contains(field));
        assertThatThrownBy(() -> serde.read(json)).isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining(field);
    }

    @Test
    void schemaRejectsAnEnvelopeWithoutEventId() {
        String json = JsonEdit.envelope(validJson(HoldExpired.class), envelope -> envelope.remove("eventId"));

        assertThat(EventSchemas.validate(HoldExpired.class, json)).isNotEmpty();
    }

    @Test
    void schemaRejectsSeatsOutsideOneToFifty() {
        String seat51 = JsonEdit.payload(validJson(ReservationHeld.class), p -> p.put("seatNumber", 51));
        String seat0 = JsonEdit.payload(validJson(ReservationHeld.class), p -> p.put("seatNumber", 0));
        String seat50 = JsonEdit.payload(validJson(ReservationHeld.class), p -> p.put("seatNumber", 50));

        assertThat(EventSchemas.validate(ReservationHeld.class, seat51)).isNotEmpty();
        assertThat(EventSchemas.validate(ReservationHeld.class, seat0)).isNotEmpty();
        assertThat(EventSchemas.validate(ReservationHeld.class, seat50)).isEmpty();
    }

    @Test
    void schemaRejectsAnExpiryReasonOutsideTheEnum() {
        String json = JsonEdit.payload(validJson(TokenExpired.class), p -> p.put("reason", "BORED"));

        assertThat(EventSchemas.validate(TokenExpired.class, json)).isNotEmpty();
    }

    @Test
    void schemaChecksFormatsOfIdsDatesAndTimes() {
        String badId = JsonEdit.payload(validJson(PaymentCompleted.class), p -> p.put("paymentId", "pay-1"));
        String badDate = JsonEdit.payload(validJson(HoldExpired.class), p -> p.put("date", "24.12.2026"));
        String badTime = JsonEdit.envelope(validJson(HoldExpired.class), e -> e.put("occurredAt", "yesterday"));

        assertThat(EventSchemas.validate(PaymentCompleted.class, badId)).isNotEmpty();
        assertThat(EventSchemas.validate(HoldExpired.class, badDate)).isNotEmpty();
        assertThat(EventSchemas.validate(HoldExpired.class, badTime)).isNotEmpty();
    }

    @Test
    void schemaRejectsAnotherEventTypeOrSchemaVersion() {
        String otherType = JsonEdit.envelope(validJson(HoldExpired.class), e -> e.put("eventType", "SeatSold"));
        String version2 = JsonEdit.envelope(validJson(HoldExpired.class), e -> e.put("schemaVersion", 2));

        assertThat(EventSchemas.validate(HoldExpired.class, otherType)).isNotEmpty();
        assertThat(EventSchemas.validate(HoldExpired.class, version2)).isNotEmpty();
    }

    @Test
    void fieldsAddedLaterAreAcceptedByTheSchemaAndIgnoredByTheReader() {
        String sent = validJson(PaymentCompleted.class);
        String newer = JsonEdit.payload(sent, p -> p.put("currency", "KRW"));
        String newerEnvelope = JsonEdit.envelope(newer, e -> e.put("traceId", "abc"));

        assertThat(EventSchemas.validate(PaymentCompleted.class, newerEnvelope)).isEmpty();
        assertThat(serde.read(newerEnvelope)).isEqualTo(serde.read(sent));
    }

    private String validJson(Class<? extends DomainEvent> type) {
        return serde.toJson(EventEnvelope.of(SampleEvents.of(type), SampleEvents.NOW));
    }
}
