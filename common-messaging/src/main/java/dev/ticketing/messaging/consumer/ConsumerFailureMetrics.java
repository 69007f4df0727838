package dev.ticketing.messaging.consumer;

import java.util.Objects;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Counts and logs what the error handler does with a failed record: a transient failure is retried
 * ({@code ticketing.consumer.retries}, WARN once per attempt, and attempts are at least the back-off apart),
 * a poison record is dead-lettered ({@code ticketing.consumer.dlt}, ERROR). Tags stay low-cardinality:
 * group, source topic, and the root cause's class.
 */
class ConsumerFailureMetrics implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailureMetrics.class);

    private final MeterRegistry registry;
    private final Predicate<Exception> poison;

    ConsumerFailureMetrics(MeterRegistry registry, Predicate<Exception> poison) {
        this.registry = registry;
        this.poison = poison;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        if (poison.test(failure)) {
            return; // not retried: recovered() reports it
        }
        Throwable cause = rootCause(failure);
        Counter.builder("ticketing.consumer.retries")
                .tags("group", group(), "topic", record.topic(), "exception", cause.getClass().getSimpleName())
                .description("Failed attempts to process a record that will be retried (transient failures)")
                .register(registry).increment();
        log.warn("event_retry group={} topic={} partition={} offset={} {} attempt={} cause={}", group(),
                record.topic(), record.partition(), record.offset(), EventIdentity.of(record.value()), deliveryAttempt,
                cause.toString());
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable cause = rootCause(failure);
        Counter.builder("ticketing.consumer.dlt")
                .tags("group", group(), "topic", record.topic(), "exception", cause.getClass().getSimpleName())
                .description("Poison records published to the group's dead-letter topic")
                .register(registry).increment();
        log.error("event_dead_lettered group={} topic={} partition={} offset={} {} cause={}", group(), record.topic(),
                record.partition(), record.offset(), EventIdentity.of(record.value()), cause.toString());
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error("event_dead_letter_failed group={} topic={} partition={} offset={} {} cause={}: delivered again",
                group(), record.topic(), record.partition(), record.offset(), EventIdentity.of(record.value()),
                rootCause(failure).toString());
    }

    private static String group() {
        // Set by the listener container on its consumer thread, where the error handler runs.
        return Objects.requireNonNullElse(KafkaUtils.getConsumerGroupId(), "unknown");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
