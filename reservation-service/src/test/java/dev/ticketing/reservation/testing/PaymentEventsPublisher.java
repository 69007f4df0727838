package dev.ticketing.reservation.testing;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.PaymentEvent;

/** Publishes payment events to real Kafka as payment-service's relay does: envelope bytes, keyed by user. */
public final class PaymentEventsPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde = new EventSerde();

    public PaymentEventsPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public <E extends PaymentEvent> EventEnvelope<E> publish(E event, Clock clock) {
        EventEnvelope<E> envelope = EventEnvelope.of(event, clock);
        publish(envelope);
        return envelope;
    }

    /** Publishes exactly this envelope (same eventId), e.g. to deliver it again. */
    public void publish(EventEnvelope<? extends PaymentEvent> envelope) {
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), serde.toBytes(envelope))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to Kafka failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
