package dev.ticketing.events;

import java.util.List;

/**
 * Kafka topic names, in one place so producers, consumers and the catalog (common-events/EVENTS.md) cannot drift.
 * Each event knows its own topic and key (see {@link DomainEvent}); these constants are for wiring.
 */
public final class Topics {

    public static final String QUEUE_EVENTS = "queue.events";
    public static final String RESERVATION_EVENTS = "reservation.events";
    public static final String PAYMENT_EVENTS = "payment.events";

    public static final List<String> ALL = List.of(QUEUE_EVENTS, RESERVATION_EVENTS, PAYMENT_EVENTS);

    private Topics() {
    }
}
