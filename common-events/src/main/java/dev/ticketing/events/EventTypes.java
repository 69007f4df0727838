package dev.ticketing.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of known events: {@code eventType} (the record's simple name) to record class.
 * Listed by hand on purpose: a test checks it against the sealed interfaces, so a new event that is
 * not registered (and has no schema) breaks the build instead of a consumer in production.
 */
public final class EventTypes {

    private static final List<Class<? extends DomainEvent>> ALL = List.of(
            TokenActivated.class, TokenExpired.class,
            ReservationHeld.class, HoldExpired.class, ReservationConfirmed.class, ReservationRejected.class,
            BalanceCharged.class, PaymentCompleted.class, PaymentRefunded.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::nameOf, Function.identity()));

    private EventTypes() {
    }

    public static List<Class<? extends DomainEvent>> all() {
        return ALL;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String eventType) {
        return Optional.ofNullable(eventType).map(BY_NAME::get);
    }

    public static String nameOf(Class<? extends DomainEvent> type) {
        return type.getSimpleName();
    }

    public static String nameOf(DomainEvent event) {
        return nameOf(event.getClass());
    }

    /** The topic an event class is published to, known without an instance (e.g. to find its schema). */
    public static String topicOf(Class<? extends DomainEvent> type) {
        if (QueueEvent.class.isAssignableFrom(type)) {
            return Topics.QUEUE_EVENTS;
        }
        if (ReservationEvent.class.isAssignableFrom(type)) {
            return Topics.RESERVATION_EVENTS;
        }
        if (PaymentEvent.class.isAssignableFrom(type)) {
            return Topics.PAYMENT_EVENTS;
        }
        throw new IllegalArgumentException("not a topic's event: " + type.getName());
    }

    /** Classpath location of the JSON Schema describing the envelope with this event as payload. */
    public static String schemaPath(Class<? extends DomainEvent> type) {
        return "schemas/" + topicOf(type) + "/" + nameOf(type) + ".schema.json";
    }
}
