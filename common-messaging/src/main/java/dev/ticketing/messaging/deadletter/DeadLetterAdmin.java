package dev.ticketing.messaging.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What the dead-letter machinery asks of the cluster: create a group's dead-letter topic, list a group's
 * dead-letter topics, and count the records in one not yet replayed. Every call is bounded by a timeout and
 * fails with {@link IllegalStateException} when Kafka does not answer in time.
 */
public class DeadLetterAdmin implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final int partitions;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    /**
     * @param config     the cluster's connection settings (other client settings are ignored)
     * @param partitions partitions of a dead-letter topic this creates; a key's records stay in order with any
     */
    public DeadLetterAdmin(Map<String, Object> config, int partitions) {
        this.admin = Admin.create(KafkaConnection.of(config));
        this.partitions = partitions;
    }

    /** Creates the topic unless it exists already (broker default replication). */
    public void ensureExists(String topic) {
        if (existing.contains(topic)) {
            return;
        }
        try {
            await(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        existing.add(topic);
    }

    /** The dead-letter topics of {@code group}, by their source topic. */
    public Map<String, String> deadLetterTopicsOf(String group) {
        return await(admin.listTopics().names()).stream()
                .filter(name -> DeadLetterTopics.sourceOf(name, group).isPresent())
                .collect(Collectors.toMap(name -> DeadLetterTopics.sourceOf(name, group).orElseThrow(),
                        Function.identity()));
    }

    /**
     * Records in {@code deadLetterTopic} that {@code group}'s replay has not re-driven: per partition, the end
     * offset minus the replay's committed offset (or the earliest offset still kept, if it never ran). 0 for a
     * topic that does not exist.
     */
    public long depth(String deadLetterTopic, String group) {
        List<TopicPartition> partitionsOfTopic;
        try {
            partitionsOfTopic = await(admin.describeTopics(List.of(deadLetterTopic)).allTopicNames())
                    .get(deadLetterTopic).partitions().stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitionsOfTopic, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> start = offsets(partitionsOfTopic, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> replayed = await(admin
                .listConsumerGroupOffsets(DeadLetterTopics.replayGroupOf(group)).partitionsToOffsetAndMetadata());
        long depth = 0;
        for (TopicPartition partition : partitionsOfTopic) {
            long from = start.get(partition).offset();
            OffsetAndMetadata committed = replayed.get(partition);
            if (committed != null) {
                from = Math.max(from, committed.offset());
            }
            depth += Math.max(0, end.get(partition).offset() - from);
        }
        return depth;
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return await(admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec))).all());
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
