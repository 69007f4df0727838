package dev.ticketing.gateway.token;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts every assigned partition at the revocation window's beginning (offsetsForTimes), since the feed's consumer
 * group never commits a position: each start rebuilds the whole set. A partition with nothing that recent starts at
 * its end.
 */
final class ReplayFromWindowStart implements ConsumerRebalanceListener {

    private final Consumer<?, ?> consumer;
    private final LongSupplier windowStartMillis;

    ReplayFromWindowStart(Consumer<?, ?> consumer, LongSupplier windowStartMillis) {
        this.consumer = consumer;
        this.windowStartMillis = windowStartMillis;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        long windowStart = windowStartMillis.getAsLong();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, windowStart));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            if (start != null) {
                consumer.seek(partition, start.offset());
            } else {
                consumer.seekToEnd(List.of(partition));
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing committed, nothing to hand over: the group has this one member.
    }
}
