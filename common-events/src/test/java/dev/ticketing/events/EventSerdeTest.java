package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerde serde = new EventSerde();
    private final String holdExpired = serde.toJson(EventEnvelope.of(SampleEvents.holdExpired(), SampleEvents.NOW));

    @Test
    void envelopeOfFillsIdTypeVersionTimeAndAggregateFromTheEvent() {
        Clock clock = Clock.fixed(SampleEvents.NOW, ZoneOffset.UTC);

        EventEnvelope<ReservationHeld> envelope = EventEnvelope.of(SampleEvents.reservationHeld(), clock);

        assertThat(envelope.eventId()).isNotNull();
        assertThat(envelope.eventType()).isEqualTo("ReservationHeld");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isEqualTo(SampleEvents.NOW);
        assertThat(envelope.aggregateId()).isEqualTo(SampleEvents.RESERVATION.toString());
        assertThat(envelope.payload()).isEqualTo(SampleEvents.reservationHeld());
    }

    @Test
    void everyWrappedEventGetsItsOwnEventId() {
        UUID first = EventEnvelope.of(SampleEvents.holdExpired(), SampleEvents.NOW).eventId();
        UUID second = EventEnvelope.of(SampleEvents.holdExpired(), SampleEvents.NOW).eventId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void unknownEventTypeFailsWithItsOwnExceptionNamingTheType() {
        String json = JsonEdit.envelope(holdExpired, e -> e.put("eventType", "SeatTeleported"));

        assertThatThrownBy(() -> serde.read(json))
                .isInstanceOfSatisfying(UnknownEventType.class,
                        e -> assertThat(e.eventType()).isEqualTo("SeatTeleported"))
                .hasMessageContaining("SeatTeleported");
    }

    @Test
    void garbageIsUnreadableNotACrash() {
        assertThatThrownBy(() -> serde.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> serde.read("[]")).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> serde.read("{}")).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> serde.read(holdExpired + "{}")).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void payloadBreakingARecordInvariantIsUnreadable() {
        String json = JsonEdit.payload(holdExpired, p -> p.put("seatNumber", 51));

        assertThatThrownBy(() -> serde.read(json))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("seatNumber");
    }

    @Test
    void fractionalOrNullMoneyIsUnreadable() {
        String paid = serde.toJson(EventEnvelope.of(SampleEvents.paymentCompleted(), SampleEvents.NOW));
        String fractional = JsonEdit.payload(paid, p -> p.put("amount", 1500.7));
        String nullBalance = JsonEdit.payload(paid, p -> p.putNull("balance"));

        assertThatThrownBy(() -> serde.read(fractional)).isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> serde.read(nullBalance))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("balance");
    }

    @Test
    void anotherSchemaVersionIsUnreadableRatherThanMisread() {
        String json = JsonEdit.envelope(holdExpired, e -> e.put("schemaVersion", 2));

        assertThatThrownBy(() -> serde.read(json))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("schemaVersion 2");
    }

    @Test
    void envelopeWithoutEventIdIsUnreadable() {
        String json = JsonEdit.envelope(holdExpired, e -> e.remove("eventId"));

        assertThatThrownBy(() -> serde.read(json))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("eventId");
    }

    @Test
    void typedReadReturnsTheTopicsFamilyAndRefusesAnotherTopicsEvent() {
        byte[] bytes = holdExpired.getBytes(StandardCharsets.UTF_8);

        EventEnvelope<ReservationEvent> envelope = serde.read(bytes, ReservationEvent.class);

        assertThat(envelope.payload()).isEqualTo(SampleEvents.holdExpired());
        assertThatThrownBy(() -> serde.read(bytes, PaymentEvent.class))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("HoldExpired");
    }
}
