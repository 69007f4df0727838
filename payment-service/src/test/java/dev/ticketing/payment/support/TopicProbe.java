package dev.ticketing.payment.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;

/**
 * Reads one topic from the end offsets it had when the probe was made, without a consumer group, so a test
 * sees exactly what was published after its "before" point.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final EventSerde SERDE = new EventSerde();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private TopicProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    public static TopicProbe fromEndOf(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
        return new TopicProbe(consumer);
    }

    /** Polls until {@code count} records with this key have arrived; returns all records of the key so far. */
    public List<ConsumerRecord<String, byte[]>> awaitRecordsWithKey(String key, int count) {
        Predicate<ConsumerRecord<String, byte[]>> withKey = record -> key.equals(record.key());
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    pollOnce();
                    return received.stream().filter(withKey).count() >= count;
                });
        return received.stream().filter(withKey).toList();
    }

    /** Polls until an event matching {@code match} has arrived and returns it. */
    public <E extends DomainEvent> EventEnvelope<E> awaitEvent(Class<E> type, Predicate<E> match) {
        return await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    pollOnce();
                    return received.stream().map(record -> read(record.value()))
                            .filter(envelope -> type.isInstance(envelope.payload())
                                    && match.test(type.cast(envelope.payload())))
                            .findFirst();
                }, java.util.Optional::isPresent)
                .map(envelope -> {
                    @SuppressWarnings("unchecked")
                    EventEnvelope<E> typed = (EventEnvelope<E>) envelope;
                    return typed;
                })
                .orElseThrow();
    }

    public static EventEnvelope<DomainEvent> read(byte[] value) {
        return SERDE.read(value);
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
