package dev.ticketing.queue.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.Topics;

/** Reads queue.events from the beginning in the background, as any downstream consumer would, and keeps it all. */
public final class QueueEventsProbe {

    /**
     * One record as consumed: its key, the envelope read back with common-events' serde, and the W3C traceparent on
     * its headers (null when it was published outside a trace).
     */
    public record Received(String key, EventEnvelope<DomainEvent> event, String traceParent) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final EventSerde serde = new EventSerde();

    public QueueEventsProbe(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "queue-events-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.QUEUE_EVENTS));
        Thread.ofPlatform().daemon().name("queue-events-probe").start(() -> {
            try (consumer) {
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        Header traceParent = record.headers().lastHeader("traceparent");
                        received.add(new Received(record.key(), serde.read(record.value()),
                                traceParent == null ? null : new String(traceParent.value(), StandardCharsets.UTF_8)));
                    }
                }
            } catch (WakeupException e) {
                // closing
            }
        });
    }

    /** Everything consumed so far about one token, in the order it arrived. */
    public List<Received> about(UUID tokenId) {
        return received.stream().filter(r -> r.event().aggregateId().equals(tokenId.toString())).toList();
    }
}
