package dev.ticketing.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-drives a consumer group's dead letters: every record of each {@code <topic>.<group>.DLT} not replayed
 * before is published again, key and value byte for byte, to its source topic, and once Kafka has acknowledged
 * it the replay group's offset ({@code <group>.dlt-replay}) moves past it, so the next replay does not repeat
 * it. Records dead-lettered while a replay runs are left for the next one. A crash between publishing and
 * committing publishes some records twice: consumers are idempotent (inbox or state machine), and every group
 * of the source topic sees the record again, which the ones that had processed it skip.
 * <p>
 * Replay when the cause is fixed (a new build that reads the record, corrected data); a record still poison
 * goes back to the dead-letter topic.
 */
public class DeadLetterReplay {

    /** Added to each replayed record: {@code <dead-letter topic>/<partition>@<offset>} it came from. */
    public static final String REPLAYED_FROM_HEADER = "ticketing-replayed-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String SPRING_DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> connection;
    private final Duration timeout;

    /**
     * @param config  the cluster's connection settings (other client settings are ignored)
     * @param timeout how long one dead-letter topic may take before the replay stops (what it did stays done)
     */
    public DeadLetterReplay(Map<String, Object> config, Duration timeout) {
        this.connection = KafkaConnection.of(config);
        this.timeout = timeout;
    }

    public ReplayReport replay(String group) {
        List<ReplayReport.Replayed> replayed = new ArrayList<>();
        try (DeadLetterAdmin admin = new DeadLetterAdmin(connection, 1);
             KafkaConsumer<byte[], byte[]> consumer = consumer(group);
             KafkaProducer<byte[], byte[]> producer = producer()) {
            admin.deadLetterTopicsOf(group).forEach((source, deadLetters) -> {
                long records = replayTopic(deadLetters, source, consumer, producer);
                replayed.add(new ReplayReport.Replayed(deadLetters, source, records));
                log.info("dead_letters_replayed group={} deadLetterTopic={} sourceTopic={} records={}", group,
                        deadLetters, source, records);
            });
        }
        return new ReplayReport(group, replayed);
    }

    private long replayTopic(String deadLetters, String source, KafkaConsumer<byte[], byte[]> consumer,
                             KafkaProducer<byte[], byte[]> producer) {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, timeout).stream()
                .map(info -> new TopicPartition(deadLetters, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        long count = 0;
        while (!caughtUp(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("replay of " + deadLetters + " did not finish within " + timeout
                        + "; " + count + " records were re-driven and committed, run it again");
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue; // dead-lettered after this replay began: the next replay's
                }
                sends.add(producer.send(toSource(record, source)));
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
            sends.forEach(this::acknowledged);
            if (!done.isEmpty()) {
                consumer.commitSync(done, timeout);
            }
            count += sends.size();
        }
        return count;
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }

    private static ProducerRecord<byte[], byte[]> toSource(ConsumerRecord<byte[], byte[]> record, String source) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(SPRING_DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        String from = record.topic() + "/" + record.partition() + "@" + record.offset();
        headers.add(REPLAYED_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
        // No partition: the key picks it, as it did when the record was first published.
        return new ProducerRecord<>(source, null, record.key(), record.value(), headers);
    }

    private void acknowledged(Future<RecordMetadata> send) {
        try {
            send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("republishing a dead letter failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a republished dead letter within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while republishing dead letters", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, DeadLetterTopics.replayGroupOf(group));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
