package dev.ticketing.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.ticketing.messaging.trace.EventTracing;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Sends pending events to Kafka with the relay's own idempotent producer (acks=all), whatever the service's
 * {@code spring.kafka.producer.*} say about acks or transactions; connection settings come from there.
 * Timeouts are bounded by {@code sendTimeout} so a round with Kafka down ends well within the relay lease.
 */
class OutboxPublisher implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration ackTimeout;
    private final EventTracing tracing;

    OutboxPublisher(Map<String, Object> connection, String clientId, Duration sendTimeout, EventTracing tracing) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(connection, clientId, sendTimeout),
                new StringSerializer(), new ByteArraySerializer());
        this.producers.setPhysicalCloseTimeout((int) Math.max(1, sendTimeout.toSeconds()));
        this.kafka = new KafkaTemplate<>(producers);
        // The relay logs one line per failed round; Spring's default listener would log a stack trace per event.
        this.kafka.setProducerListener(new ProducerListener<>() {
        });
        // delivery.timeout.ms completes every send by then; the margin only guards against a stuck client.
        this.ackTimeout = sendTimeout.plusSeconds(2);
        this.tracing = tracing;
    }

    static Map<String, Object> producerConfig(Map<String, Object> connection, String clientId, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // At most 5 in flight: the idempotent producer then keeps per-partition order across its retries.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // The relay flushes each batch itself; lingering would only add latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int half = (int) Math.max(1, sendTimeout.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, half);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, half);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        return config;
    }

    /**
     * Sends the batch in order and waits for the acknowledgements; see {@link PublishResult}. Each record is sent in
     * a producer span continuing the trace stored with its event, whose context rides on the record's headers.
     */
    PublishResult publish(List<PendingEvent> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            EventTracing.PublishSpan span = tracing.publishing(event.topic(), event.eventId(), event.traceParent());
            CompletableFuture<?> send;
            try {
                send = kafka.send(record(event, span.headers()));
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            send.whenComplete((acked, failure) -> span.end(failure));
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                // E.g. no metadata (broker unreachable): every further send would block as long again.
                break;
            }
        }
        kafka.flush();
        return PublishResult.awaitAcks(sends, ackTimeout);
    }

    private static ProducerRecord<String, byte[]> record(PendingEvent event, Map<String, String> traceHeaders) {
        List<Header> headers = new ArrayList<>(traceHeaders.size());
        traceHeaders.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), headers);
    }

    /** Closes the producer; the next publish opens a new one. */
    @Override
    public void close() {
        producers.reset();
    }
}
