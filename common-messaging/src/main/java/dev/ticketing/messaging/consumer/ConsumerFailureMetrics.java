package dev.ticketing.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts listener failures ({@code ticketing.consumer.errors}) and records dead-lettered
 * ({@code ticketing.consumer.dlt}), tagged by the source topic, and logs both.
 */
class ConsumerFailureMetrics implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailureMetrics.class);

    private final MeterRegistry registry;

    ConsumerFailureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Counter.builder("ticketing.consumer.errors").tag("topic", record.topic())
                .description("Failed attempts to process a record (each retry counts)")
                .register(registry).increment();
        log.warn("event consumer failed topic={} partition={} offset={} attempt={} cause={}", record.topic(),
                record.partition(), record.offset(), deliveryAttempt, rootCause(failure));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        Counter.builder("ticketing.consumer.dlt").tag("topic", record.topic())
                .description("Records given up on and published to <topic>.DLT")
                .register(registry).increment();
        log.error("event dead-lettered topic={} partition={} offset={} deadLetterTopic={} cause={}", record.topic(),
                record.partition(), record.offset(), DeadLetterDestination.topicFor(record.topic()), rootCause(failure));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error("event could not be dead-lettered, it will be delivered again topic={} partition={} offset={} "
                + "cause={}", record.topic(), record.partition(), record.offset(), rootCause(failure));
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
