package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.QueueEvent;

/**
 * Sends relayed events to Kafka with an idempotent producer (acks=all, at most 5 in flight, so per-partition order
 * survives retries), whatever spring.kafka.producer.* says; the connection settings come from there. Key: the
 * token id, so one token's events stay in order.
 */
class RelayPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventSerde serde;
    private final Duration ackTimeout;

    RelayPublisher(Map<String, Object> connection, EventSerde serde, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int half = (int) Math.max(1, sendTimeout.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, half);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, half);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        // The relay logs one line per failed round; Spring's default listener would log a stack trace per event.
        this.kafka.setProducerListener(new ProducerListener<>() {
        });
        this.serde = serde;
        this.ackTimeout = sendTimeout.plusSeconds(2);
    }

    /** Sends the events in order and returns once Kafka acknowledged all of them; throws if any failed. */
    void publish(List<EventEnvelope<QueueEvent>> events) throws ExecutionException, TimeoutException,
            InterruptedException {
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (EventEnvelope<QueueEvent> event : events) {
            sends.add(kafka.send(event.topic(), event.key(), serde.toBytes(event)));
        }
        kafka.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Drops the producer after a failure; the next send opens a fresh one. */
    @Override
    public void close() {
        producers.reset();
    }
}
