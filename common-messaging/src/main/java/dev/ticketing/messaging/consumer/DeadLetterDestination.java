package dev.ticketing.messaging.consumer;

import dev.ticketing.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a record goes when a consumer gives up on it: {@code <topic>.DLT}. The partition is left to the
 * producer (-1), so the record's key picks it and a key's dead letters stay in order even when the DLT
 * has fewer partitions than the topic.
 */
final class DeadLetterDestination {

    private DeadLetterDestination() {
    }

    static TopicPartition of(ConsumerRecord<?, ?> record, Exception failure) {
        return new TopicPartition(topicFor(record.topic()), -1);
    }

    static String topicFor(String topic) {
        // Event topics go through the catalog's rule; any other topic a service listens to gets the same suffix.
        return Topics.ALL.contains(topic) ? Topics.deadLetterOf(topic) : topic + Topics.DLT_SUFFIX;
    }
}
