package dev.ticketing.queue.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
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
        return publish(event, List.of());
    }

    /** Publishes the event as the relay does in a trace: with the W3C {@code traceparent} of its producer span. */
    public EventEnvelope<DomainEvent> publishInTrace(DomainEvent event, String traceParent) {
        return publish(event, List.of(new RecordHeader("traceparent", traceParent.getBytes(StandardCharsets.UTF_8))));
    }

    private EventEnvelope<DomainEvent> publish(DomainEvent event, List<Header> headers) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, Instant.now());
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), null, envelope.key(), serde.toBytes(envelope),
                    headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.eventType(), e);
        }
        return envelope;
    }
}
