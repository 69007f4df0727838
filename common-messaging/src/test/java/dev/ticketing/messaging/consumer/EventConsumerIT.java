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
import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.OutboxTable;
import dev.ticketing.messaging.testapp.PaymentEffects;
import dev.ticketing.messaging.testapp.PaymentEventsListener;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.PAYMENT_EVENTS);

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
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaTopicProbe deadLetters;

    @BeforeEach
    void probeDeadLetters() {
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
    void unreadableRecordGoesToTheDeadLetterTopicAtOnceUnchanged() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"SeatTeleported\","
                + "\"schemaVersion\":1,\"occurredAt\":\"2026-11-21T09:30:15Z\",\"aggregateId\":\"x\",\"payload\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        double deadLettered = deadLetterCount();

        send(key, poison);

        ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(r -> key.equals(r.key()));
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(listener.deliveriesOf(key)).as("not retried").isEqualTo(1);
        await().atMost(PATIENCE).until(() -> deadLetterCount() == deadLettered + 1);
    }

    @Test
    void recordThatKeepsFailingIsRetriedWithBackOffThenDeadLettered() {
        UUID user = UUID.randomUUID();
        BalanceCharged charge = TestEvents.charged(user);
        EventEnvelope<BalanceCharged> event = EventEnvelope.of(charge, Instant.now());
        listener.failAlways(event.eventId());

        transactions.executeWithoutResult(tx -> outbox.append(event));

        ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(r -> user.toString().equals(r.key()));
        assertThat(deadLetter.value()).isEqualTo(table.payloadOf(event.eventId()));
        assertThat(listener.deliveriesOf(user.toString())).as("first attempt and 2 retries").isEqualTo(3);
        assertThat(effects.effectsOf(event.eventId())).isZero();
    }

    private void send(String key, byte[] value) {
        KafkaTemplate<String, byte[]> kafka = deadLetterProducer.template();
        kafka.send(Topics.PAYMENT_EVENTS, key, value).join();
    }

    private double deadLetterCount() {
        var counter = meters.find("ticketing.consumer.dlt").tag("topic", Topics.PAYMENT_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }
}
