package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRegistryTest {

    @Test
    void registryListsEveryPermittedSubtypeOfEachSealedTopicInterface() {
        List<Class<?>> registered = List.copyOf(EventTypes.all());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(concreteEventsPermittedBy(DomainEvent.class));
    }

    @Test
    void eachTopicHasItsOwnSealedFamily() {
        assertThat(DomainEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(QueueEvent.class, ReservationEvent.class, PaymentEvent.class);
    }

    @Test
    void eventTypeIsTheRecordsSimpleNameAndResolvesBackToIt() {
        for (Class<? extends DomainEvent> type : EventTypes.all()) {
            assertThat(EventTypes.nameOf(type)).isEqualTo(type.getSimpleName());
            assertThat(EventTypes.classOf(type.getSimpleName())).contains(type);
        }
        assertThat(EventTypes.classOf("SeatSold")).isEmpty();
        assertThat(EventTypes.classOf(null)).isEmpty();
    }

    @Test
    void everyRegisteredEventHasASampleSoTheRoundTripCoversIt() {
        assertThat(SampleEvents.oneOfEach()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @Test
    void everyRegisteredEventHasASchemaUnderItsTopic() {
        for (Class<? extends DomainEvent> type : EventTypes.all()) {
            assertThat(EventSchemas.text(type)).contains("\"title\": \"" + type.getSimpleName() + "\"");
        }
        assertThat(EventTypes.schemaPath(ReservationHeld.class))
                .isEqualTo("schemas/reservation.events/ReservationHeld.schema.json");
    }

    private static List<Class<?>> concreteEventsPermittedBy(Class<?> sealed) {
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                events.addAll(concreteEventsPermittedBy(permitted));
            } else {
                assertThat(permitted.isRecord()).as("%s is a record", permitted).isTrue();
                events.add(permitted);
            }
        }
        return events;
    }
}
