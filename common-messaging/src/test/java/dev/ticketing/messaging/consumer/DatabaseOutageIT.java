package dev.ticketing.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterAdmin;
import dev.ticketing.messaging.testapp.DatabaseLink;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.PaymentEffects;
import dev.ticketing.messaging.testapp.PaymentEventsListener;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The consumer's database is gone for a minute (a fail-over) while events keep arriving: they wait, in order,
 * and every one is applied once the database is back. The old handler dead-lettered them after ~7.5 s.
 */
@MessagingIntegrationTest
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration EVENT_EVERY = Duration.ofSeconds(5);

    @Autowired
    DatabaseLink database;
    @Autowired
    PaymentEventsListener listener;
    @Autowired
    PaymentEffects effects;
    @Autowired
    DeadLetterProducer producer;
    @Autowired
    DeadLetterAdmin deadLetterAdmin;
    @Autowired
    EventSerde serde;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void databaseIsBack() {
        arrivals.shutdownNow();
        database.restore();
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownForAMinuteAreAllAppliedInOrderOnceItIsBack() {
        List<UUID> users = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<String, List<UUID>> publishedByKey = new ConcurrentHashMap<>();
        List<UUID> published = new CopyOnWriteArrayList<>();
        double retries = retries();
        deadLetterAdmin.ensureExists(EventConsumerIT.DEAD_LETTERS);

        try (KafkaTopicProbe deadLetters = KafkaTopicProbe.fromEndOf(bootstrapServers, EventConsumerIT.DEAD_LETTERS)) {
            database.cut();
            arrivals.scheduleAtFixedRate(() -> users.forEach(user -> {
                EventEnvelope<BalanceCharged> event = EventEnvelope.of(TestEvents.charged(user), Instant.now());
                producer.template().send(Topics.PAYMENT_EVENTS, event.key(), serde.toBytes(event)).join();
                publishedByKey.computeIfAbsent(event.key(), key -> new CopyOnWriteArrayList<>()).add(event.eventId());
                published.add(event.eventId());
            }), 0, EVENT_EVERY.toMillis(), TimeUnit.MILLISECONDS);

            // Down for the whole minute: deliveries fail and are retried, nothing is applied, nothing given up.
            await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10))
                    .until(() -> users.stream().allMatch(user -> listener.handledOf(user.toString()) == 0));
            arrivals.shutdownNow();
            assertThat(retries()).as("deliveries failed and were retried").isGreaterThan(retries + 10);
            assertThat(published).hasSizeGreaterThanOrEqualTo(users.size() * 10);

            database.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> users.stream().allMatch(user ->
                    listener.handledOf(user.toString()) == publishedByKey.get(user.toString()).size()));
            users.forEach(user -> assertThat(listener.handledInOrder(user.toString()))
                    .as("per-key order").containsExactlyElementsOf(publishedByKey.get(user.toString())));
            assertThat(new ArrayList<>(published)).allSatisfy(eventId ->
                    assertThat(effects.effectsOf(eventId)).as("effect of %s", eventId).isEqualTo(1));
            assertThat(deadLetters.drainToEnd()).as("nothing dead-lettered")
                    .noneMatch(record -> publishedByKey.containsKey(record.key()));
        }
    }

    private double retries() {
        return meters.find("ticketing.consumer.retries").tag("group", PaymentEffects.CONSUMER)
                .tag("topic", Topics.PAYMENT_EVENTS).counters().stream().mapToDouble(Counter::count).sum();
    }
}
