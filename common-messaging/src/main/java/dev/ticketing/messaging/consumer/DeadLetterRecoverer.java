package dev.ticketing.messaging.consumer;

import java.nio.charset.StandardCharsets;

import dev.ticketing.messaging.deadletter.DeadLetterAdmin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Publishes a poison record to its group's dead-letter topic, key and value unchanged, with Spring's
 * {@code kafka_dlt-*} headers: exception class, cause class, message and stack trace, original topic,
 * partition, offset, timestamp and consumer group. The DLT record's own timestamp is when it was dead-lettered.
 */
class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    private final DeadLetterPublishingRecoverer publisher;

    DeadLetterRecoverer(KafkaTemplate<String, byte[]> template, DeadLetterAdmin admin) {
        this.publisher = new DeadLetterPublishingRecoverer(template, new DeadLetterDestination(admin)::of);
        // Spring takes the group from the container's wrapper exception, which accept() unwraps; add it here.
        publisher.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            String group = KafkaUtils.getConsumerGroupId();
            if (group != null) {
                headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        // The container wraps every failure in a ListenerExecutionFailedException: the headers name the real one.
        Exception real = failure instanceof ListenerExecutionFailedException && failure.getCause() instanceof Exception cause
                ? cause : failure;
        publisher.accept(record, consumer, real);
    }
}
