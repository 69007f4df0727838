package dev.ticketing.events;

/**
 * Something that happened in one service and that others react to. One sealed family per topic,
 * so a consumer's {@code switch} over its topic's events is checked for completeness by the compiler.
 */
public sealed interface DomainEvent permits QueueEvent, ReservationEvent, PaymentEvent {

    /** The Kafka topic this event is published to. */
    String topic();

    /** The Kafka record key: it picks the partition, so events with the same key stay in order. */
    String key();

    /** The id of the thing this event is about; copied into the envelope's {@code aggregateId}. */
    String aggregateId();
}
