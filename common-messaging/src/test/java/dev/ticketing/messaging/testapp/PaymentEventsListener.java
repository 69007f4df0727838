package dev.ticketing.messaging.testapp;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.PaymentEvent;
import dev.ticketing.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A thin listener as services write it: raw bytes in, EventSerde, then the use case. Counts per key. */
@Component
public class PaymentEventsListener {

    private final EventSerde serde;
    private final PaymentEffects effects;
    private final Map<String, AtomicInteger> deliveriesByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> handledByKey = new ConcurrentHashMap<>();
    private final Set<UUID> alwaysFailing = ConcurrentHashMap.newKeySet();

    PaymentEventsListener(EventSerde serde, PaymentEffects effects) {
        this.serde = serde;
        this.effects = effects;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = PaymentEffects.CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        deliveriesByKey.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
        EventEnvelope<PaymentEvent> event = serde.read(record.value(), PaymentEvent.class);
        if (alwaysFailing.contains(event.eventId())) {
            throw new IllegalStateException("simulated failure of event " + event.eventId());
        }
        effects.apply(event);
        handledByKey.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
    }

    /** Deliveries of records with this key so far, counted as they arrive (failed ones included). */
    public int deliveriesOf(String key) {
        return count(deliveriesByKey, key);
    }

    /** Deliveries of records with this key whose handling has returned (its transaction committed). */
    public int handledOf(String key) {
        return count(handledByKey, key);
    }

    private static int count(Map<String, AtomicInteger> counts, String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /** From now on handling this event throws, as a bug or a dependency that stays down would. */
    public void failAlways(UUID eventId) {
        alwaysFailing.add(eventId);
    }
}
