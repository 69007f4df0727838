package dev.ticketing.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.deadletter.DeadLetterAdmin;
import dev.ticketing.messaging.deadletter.DeadLetterTopics;
import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.OutboxTable;
import dev.ticketing.messaging.testapp.PaymentEffects;
import dev.ticketing.messaging.testapp.PaymentEventsListener;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The listener of the test application, wired with this module's consumer defaults, against real Kafka. */
@MessagingIntegrationTest
class EventConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String DEAD_LETTERS = DeadLetterTopics.of(Topics.PAYMENT_EVENTS, PaymentEffects.CONSUMER);

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxTable table;
    @Autowired
    PaymentEventsListener listener;
    @Autowired
    PaymentEffects effects;
    @Autowired
    DeadLetterProducer deadLetterProducer;
    @Autowired
    DeadLetterAdmin deadLetterAdmin;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaTopicProbe deadLetters;

    @BeforeEach
    void probeDeadLetters() {
        deadLetterAdmin.ensureExists(DEAD_LETTERS);
        deadLetters = KafkaTopicProbe.fromEndOf(bootstrapServers, DEAD_LETTERS);
    }

    @AfterEach
    void closeProbe() {
        deadLetters.close();
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> event = transactions.execute(tx -> outbox.append(TestEvents.charged(user)));
        await().atMost(PATIENCE).until(() -> listener.handledOf(user.toString()) == 1);

        // A redelivery: the exact bytes of the outbox row, as the relay would send them again after a crash.
        send(user.toString(), table.payloadOf(event.eventId()));

        await().atMost(PATIENCE).until(() -> listener.handledOf(user.toString()) == 2);
        assertThat(effects.effectsOf(event.eventId())).isEqualTo(1);
    }

    @Test
    void unreadableRecordGoesToTheGroupsDeadLetterTopicAtOnceUnchangedWithTheFailureInItsHeaders() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = envelope("SeatTeleported", 1);
        double deadLettered = deadLetterCount();

        send(key, poison);

        ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).endsWith("UnknownEventType");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("SeatTeleported");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.PAYMENT_EVENTS);
        assertThat(header(deadLetter, "kafka_dlt-original-consumer-group")).isEqualTo(PaymentEffects.CONSUMER);
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-timestamp")).isNotNull();
        assertThat(listener.deliveriesOf(key)).as("not retried").isEqualTo(1);
        await().atMost(PATIENCE).until(() -> deadLetterCount() == deadLettered + 1);
    }

    @Test
    void anEnvelopeOfASchemaVersionThisConsumerDoesNotKnowIsPoison() {
        String key = "future-" + UUID.randomUUID();
        byte[] future = envelope("BalanceCharged", 2);

        send(key, future);

        ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("schemaVersion 2");
        assertThat(listener.deliveriesOf(key)).as("not retried").isEqualTo(1);
    }

    @Test
    void anEventTheListenerRejectsGoesToTheDeadLetterTopicAtOnce() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> event = EventEnvelope.of(TestEvents.charged(user), Instant.now());
        listener.reject(event.eventId());

        transactions.executeWithoutResult(tx -> outbox.append(event));

        ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(r -> user.toString().equals(r.key()));
        assertThat(deadLetter.value()).isEqualTo(table.payloadOf(event.eventId()));
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("simulated rule violation");
        assertThat(listener.deliveriesOf(user.toString())).as("not retried").isEqualTo(1);
        assertThat(effects.effectsOf(event.eventId())).isZero();
    }

    @Test
    void aTransientFailureOutlastingTheOldRetryBudgetHealsAndTheEventsBehindItWait() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> first = EventEnvelope.of(TestEvents.charged(user), Instant.now());
        EventEnvelope<BalanceCharged> second = EventEnvelope.of(TestEvents.charged(user), Instant.now());
        int failures = 12; // the old handler gave up after 5 attempts
        listener.failTimes(first.eventId(), failures);
        double retries = retryCount();

        transactions.executeWithoutResult(tx -> outbox.append(first));
        transactions.executeWithoutResult(tx -> outbox.append(second));

        await().atMost(PATIENCE).until(() -> listener.handledOf(user.toString()) == 2);
        assertThat(listener.handledInOrder(user.toString())).containsExactly(first.eventId(), second.eventId());
        assertThat(listener.deliveriesOf(user.toString())).as("the second waited for the first")
                .isEqualTo(failures + 2);
        assertThat(effects.effectsOf(first.eventId())).isEqualTo(1);
        assertThat(retryCount()).isGreaterThanOrEqualTo(retries + failures);
        assertThat(deadLetters.drainToEnd()).noneMatch(r -> user.toString().equals(r.key()));
    }

    private byte[] envelope(String eventType, int schemaVersion) {
        return ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + eventType + "\",\"schemaVersion\":"
                + schemaVersion + ",\"occurredAt\":\"2026-11-21T09:30:15Z\",\"aggregateId\":\"x\",\"payload\":{}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void send(String key, byte[] value) {
        KafkaTemplate<String, byte[]> kafka = deadLetterProducer.template();
        kafka.send(Topics.PAYMENT_EVENTS, key, value).join();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private double deadLetterCount() {
        return meters.find("ticketing.consumer.dlt").tag("group", PaymentEffects.CONSUMER)
                .tag("topic", Topics.PAYMENT_EVENTS).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double retryCount() {
        return meters.find("ticketing.consumer.retries").tag("group", PaymentEffects.CONSUMER)
                .tag("exception", "IllegalStateException").counters().stream().mapToDouble(Counter::count).sum();
    }
}
