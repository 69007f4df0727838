package dev.ticketing.gateway.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The end offsets a topic had when a reader started: once it has read up to them, it knows all that was before. */
record CatchUpPoint(Map<TopicPartition, Long> endOffsets) {

    /** A topic that does not exist yet: nothing was ever written, so there is nothing to catch up on. */
    static final CatchUpPoint NOTHING = new CatchUpPoint(Map.of());

    private static final Duration ASK_FOR = Duration.ofSeconds(10);

    CatchUpPoint {
        endOffsets = Map.copyOf(endOffsets);
    }

    /** @throws org.apache.kafka.common.errors.TimeoutException when Kafka does not answer */
    static CatchUpPoint of(Consumer<?, ?> kafka, String topic) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic, ASK_FOR).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        return partitions.isEmpty() ? NOTHING : new CatchUpPoint(kafka.endOffsets(partitions, ASK_FOR));
    }

    int partitions() {
        return endOffsets.size();
    }

    /** Whether the reader is assigned every partition and has read each up to where it ended at start. */
    boolean reachedBy(Consumer<?, ?> kafka) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (!kafka.assignment().contains(end.getKey()) || kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
