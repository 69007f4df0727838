package dev.ticketing.messaging.testapp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.PaymentEvent;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.consumer.EventRejected;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A thin listener as services write it: raw bytes in, EventSerde, then the use case. Counts per key. */
@Component
public class PaymentEventsListener {

    private final EventSerde serde;
    private final PaymentEffects effects;
    private final Map<String, AtomicInteger> deliveriesByKey = new ConcurrentHashMap<>();
    private final Map<String, List<UUID>> handledByKey = new ConcurrentHashMap<>();
    private final Set<UUID> rejected = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();

    PaymentEventsListener(EventSerde serde, PaymentEffects effects) {
        this.serde = serde;
        this.effects = effects;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = PaymentEffects.CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        deliveriesByKey.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
        EventEnvelope<PaymentEvent> event = serde.read(record.value(), PaymentEvent.class);
        if (rejected.contains(event.eventId())) {
            throw new EventRejected("simulated rule violation of event " + event.eventId());
        }
        AtomicInteger failures = failuresToCome.get(event.eventId());
        if (failures != null && failures.getAndDecrement() > 0) {
            throw new IllegalStateException("simulated transient failure of event " + event.eventId());
        }
        effects.apply(event);
        handledByKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(event.eventId());
    }

    /** Deliveries of records with this key so far, counted as they arrive (failed ones included). */
    public int deliveriesOf(String key) {
        AtomicInteger count = deliveriesByKey.get(key);
        return count == null ? 0 : count.get();
    }

    /** Deliveries of records with this key whose handling has returned (its transaction committed). */
    public int handledOf(String key) {
        return handledInOrder(key).size();
    }

    /** The event ids of those deliveries, in the order they were handled. */
    public List<UUID> handledInOrder(String key) {
        return List.copyOf(handledByKey.getOrDefault(key, List.of()));
    }

    /** From now on this event breaks a rule of this consumer: it is poison. */
    public void reject(UUID eventId) {
        rejected.add(eventId);
    }

    /** The rule is fixed: this event is handled again. */
    public void accept(UUID eventId) {
        rejected.remove(eventId);
    }

    /** The next {@code times} deliveries of this event fail as a dependency that is down would. */
    public void failTimes(UUID eventId, int times) {
        failuresToCome.put(eventId, new AtomicInteger(times));
    }
}
