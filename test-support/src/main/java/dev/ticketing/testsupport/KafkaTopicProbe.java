package dev.ticketing.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic of real Kafka from the end offsets it had when the probe was made, without a consumer group,
 * so a test sees exactly what was published after its "before" point.
 */
public final class KafkaTopicProbe implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private KafkaTopicProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    public static KafkaTopicProbe fromEndOf(String bootstrapServers, String topic) {
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
        return new KafkaTopicProbe(consumer);
    }

    /** Polls until a record matching {@code match} has arrived and returns it. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    pollOnce();
                    return received.stream().filter(match).findFirst();
                }, Optional::isPresent)
                .orElseThrow();
    }

    /** Polls until {@code count} records match; returns every matching record received so far. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .until(() -> {
                    pollOnce();
                    return received.stream().filter(match).count() >= count;
                });
        return received.stream().filter(match).toList();
    }

    /** Everything published since the probe was made, up to the topic's current end. */
    public List<ConsumerRecord<String, byte[]>> drainToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
            pollOnce();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return List.copyOf(received);
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
