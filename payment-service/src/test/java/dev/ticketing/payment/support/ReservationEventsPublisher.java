package dev.ticketing.payment.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;

/** Publishes reservation events the way reservation-service's relay does: the envelope's bytes, keyed by seat. */
public final class ReservationEventsPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde = new EventSerde();

    public ReservationEventsPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement, so records of one key keep the order of the calls. */
    public void publish(EventEnvelope<?> envelope) {
        send(envelope.topic(), envelope.key(), serde.toBytes(envelope));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
