package dev.ticketing.queue.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;

/** Publishes events the way the other services do: envelope JSON from common-events, keyed by the event's key. */
public final class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde = new EventSerde();

    public EventPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public EventEnvelope<DomainEvent> publish(DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, Instant.now());
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), serde.toBytes(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.eventType(), e);
        }
        return envelope;
    }
}
