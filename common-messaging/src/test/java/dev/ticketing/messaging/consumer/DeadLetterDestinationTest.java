package dev.ticketing.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeadLetterDestinationTest {

    @Test
    void recordGoesToItsTopicsDeadLetterTopicWithThePartitionLeftToItsKey() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.PAYMENT_EVENTS, 2, 41L, "user-1", new byte[0]);

        TopicPartition destination = DeadLetterDestination.of(record, new IllegalStateException());

        assertThat(destination.topic()).isEqualTo("payment.events.DLT");
        assertThat(destination.partition()).isEqualTo(-1);
    }

    @Test
    void aTopicOutsideTheCatalogGetsTheSameSuffix() {
        assertThat(DeadLetterDestination.topicFor("audit.log")).isEqualTo("audit.log.DLT");
    }
}
