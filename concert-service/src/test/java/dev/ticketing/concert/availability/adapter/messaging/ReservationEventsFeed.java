package dev.ticketing.concert.availability.adapter.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.events.Topics;

/** Plays reservation-service: writes reservation events to the real reservation.events topic. */
final class ReservationEventsFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde = new EventSerde();

    ReservationEventsFeed(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One seat of one date, as events name it. */
    record Seat(UUID concertId, long scheduleId, LocalDate date, int seatNumber) {
    }

    EventEnvelope<ReservationHeld> held(Seat seat, UUID reservation, Instant heldAt) {
        return EventEnvelope.of(new ReservationHeld(reservation, UUID.randomUUID(), seat.concertId(), seat.scheduleId(),
                seat.date(), seat.seatNumber(), 1000, UUID.randomUUID(), heldAt, heldAt.plusSeconds(300)), heldAt);
    }

    EventEnvelope<HoldExpired> expired(Seat seat, UUID reservation, Instant expiredAt) {
        return EventEnvelope.of(new HoldExpired(reservation, UUID.randomUUID(), seat.concertId(), seat.scheduleId(),
                seat.date(), seat.seatNumber(), UUID.randomUUID(), expiredAt), expiredAt);
    }

    EventEnvelope<ReservationConfirmed> confirmed(Seat seat, UUID reservation, Instant confirmedAt) {
        return EventEnvelope.of(new ReservationConfirmed(reservation, UUID.randomUUID(), seat.concertId(), seat.scheduleId(),
                seat.date(), seat.seatNumber(), UUID.randomUUID(), 1000, confirmedAt), confirmedAt);
    }

    EventEnvelope<ReservationRejected> rejected(Seat seat, UUID reservation, Instant rejectedAt) {
        return EventEnvelope.of(new ReservationRejected(reservation, UUID.randomUUID(), seat.concertId(), seat.scheduleId(),
                seat.date(), seat.seatNumber(), UUID.randomUUID(), 1000, ReservationRejected.Reason.HOLD_EXPIRED,
                rejectedAt), rejectedAt);
    }

    /** Publishes in the given order, each acknowledged before the next: one seat's key keeps that order. */
    @SafeVarargs
    final void publish(EventEnvelope<? extends ReservationEvent>... events) {
        for (EventEnvelope<? extends ReservationEvent> event : events) {
            publishRaw(event.key(), serde.toBytes(event));
        }
    }

    void publishRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.RESERVATION_EVENTS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + Topics.RESERVATION_EVENTS, e.getCause());
        }
    }

    byte[] bytesOf(EventEnvelope<?> event) {
        return serde.toBytes(event);
    }

    @Override
    public void close() {
        producer.close();
    }
}
