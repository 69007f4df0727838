package dev.ticketing.payment.support;

import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.testsupport.KafkaTopicProbe;

/** test-support's {@link KafkaTopicProbe}, read as the events of common-events. */
public final class TopicProbe implements AutoCloseable {

    private static final EventSerde SERDE = new EventSerde();

    private final KafkaTopicProbe probe;

    private TopicProbe(KafkaTopicProbe probe) {
        this.probe = probe;
    }

    public static TopicProbe fromEndOf(String bootstrapServers, String topic) {
        return new TopicProbe(KafkaTopicProbe.fromEndOf(bootstrapServers, topic));
    }

    /** Polls until {@code count} records with this key have arrived; returns all records of the key so far. */
    public List<ConsumerRecord<String, byte[]>> awaitRecordsWithKey(String key, int count) {
        return probe.awaitRecords(record -> key.equals(record.key()), count);
    }

    /** Polls until an event matching {@code match} has arrived and returns it. */
    public <E extends DomainEvent> EventEnvelope<E> awaitEvent(Class<E> type, Predicate<E> match) {
        ConsumerRecord<String, byte[]> record = awaitRecord(type, match);
        @SuppressWarnings("unchecked")
        EventEnvelope<E> typed = (EventEnvelope<E>) (EventEnvelope<?>) read(record.value());
        return typed;
    }

    /** Polls until an event matching {@code match} has arrived and returns its record, headers and all. */
    public <E extends DomainEvent> ConsumerRecord<String, byte[]> awaitRecord(Class<E> type, Predicate<E> match) {
        return probe.awaitRecord(candidate -> {
            DomainEvent payload = read(candidate.value()).payload();
            return type.isInstance(payload) && match.test(type.cast(payload));
        });
    }

    public static EventEnvelope<DomainEvent> read(byte[] value) {
        return SERDE.read(value);
    }

    @Override
    public void close() {
        probe.close();
    }
}
