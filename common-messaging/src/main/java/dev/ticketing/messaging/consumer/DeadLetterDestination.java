package dev.ticketing.messaging.consumer;

import dev.ticketing.messaging.deadletter.DeadLetterAdmin;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Where a poison record goes: its consumer group's dead-letter topic, {@code <topic>.<group>.DLT}, created
 * first if need be. The partition is left to the producer (-1), so the record's key picks it and a key's
 * dead letters stay in order whatever the DLT's partition count. If the topic cannot be created the record
 * is not dead-lettered and is delivered again.
 */
class DeadLetterDestination {

    private final DeadLetterAdmin admin;

    DeadLetterDestination(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    TopicPartition of(ConsumerRecord<?, ?> record, Exception failure) {
        String topic = topicFor(record.topic(), KafkaUtils.getConsumerGroupId());
        admin.ensureExists(topic);
        return new TopicPartition(topic, -1);
    }

    static String topicFor(String topic, String group) {
        if (group == null) {
            // The container sets it on the thread the error handler runs on; without it there is no right topic.
            throw new IllegalStateException("no consumer group on this thread: cannot dead-letter a record of " + topic);
        }
        return DeadLetterTopics.of(topic, group);
    }
}
