package dev.ticketing.reservation.testing;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.Topics;
import dev.ticketing.testsupport.KafkaTopicProbe;

/** reservation.events as consumers see them on real Kafka, from the moment the probe was made. */
public final class ReservationEventsProbe implements AutoCloseable {

    private static final EventSerde SERDE = new EventSerde();

    private final KafkaTopicProbe tail;

    private ReservationEventsProbe(KafkaTopicProbe tail) {
        this.tail = tail;
    }

    public static ReservationEventsProbe fromNow(String bootstrapServers) {
        return new ReservationEventsProbe(KafkaTopicProbe.fromEndOf(bootstrapServers, Topics.RESERVATION_EVENTS));
    }

    /** Waits for the first event of {@code type} about {@code reservationId}. */
    public Received awaitEvent(Class<? extends ReservationEvent> type, UUID reservationId) {
        return received(tail.awaitRecord(record -> received(record).is(type, reservationId)));
    }

    private static Received received(ConsumerRecord<String, byte[]> record) {
        return new Received(record.key(), SERDE.read(record.value(), ReservationEvent.class));
    }

    @Override
    public void close() {
        tail.close();
    }

    public record Received(String key, EventEnvelope<ReservationEvent> envelope) {

        public ReservationEvent event() {
            return envelope.payload();
        }

        boolean is(Class<? extends ReservationEvent> type, UUID reservationId) {
            return type.isInstance(event()) && event().reservationId().equals(reservationId);
        }
    }
}
