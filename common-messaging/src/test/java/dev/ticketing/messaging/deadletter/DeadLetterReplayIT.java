package dev.ticketing.messaging.deadletter;

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
import dev.ticketing.messaging.testapp.PaymentEffects;
import dev.ticketing.messaging.testapp.PaymentEventsListener;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/** A rejected event waits in the group's dead-letter topic, counted by the gauge, until a replay re-drives it once. */
@MessagingIntegrationTest
class DeadLetterReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = DeadLetterTopics.of(Topics.PAYMENT_EVENTS, PaymentEffects.CONSUMER);

    @Autowired
    DeadLetterReplay replay;
    @Autowired
    DeadLetterAdmin admin;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PaymentEventsListener listener;
    @Autowired
    PaymentEffects effects;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void replayReDrivesEachDeadLetterOnceToItsTopicAndTheGaugeCountsWhatIsWaiting() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> rejected = EventEnvelope.of(TestEvents.charged(user), Instant.now());
        listener.reject(rejected.eventId());
        admin.ensureExists(DEAD_LETTERS);
        long waitingBefore = awaitSteadyDepth();

        try (KafkaTopicProbe deadLetters = KafkaTopicProbe.fromEndOf(bootstrapServers, DEAD_LETTERS)) {
            transactions.executeWithoutResult(tx -> outbox.append(rejected));
            deadLetters.awaitRecord(r -> user.toString().equals(r.key()));
        }
        await().atMost(PATIENCE).until(() -> depth() == waitingBefore + 1);
        assertThat(admin.depth(DEAD_LETTERS, PaymentEffects.CONSUMER)).isEqualTo(waitingBefore + 1);

        listener.accept(rejected.eventId()); // the cause is fixed
        try (KafkaTopicProbe source = KafkaTopicProbe.fromEndOf(bootstrapServers, Topics.PAYMENT_EVENTS)) {
            ReplayReport report = replay.replay(PaymentEffects.CONSUMER);

            assertThat(report.topics()).anySatisfy(topic -> {
                assertThat(topic.deadLetterTopic()).isEqualTo(DEAD_LETTERS);
                assertThat(topic.sourceTopic()).isEqualTo(Topics.PAYMENT_EVENTS);
                assertThat(topic.records()).isEqualTo(waitingBefore + 1);
            });
            var replayed = source.awaitRecord(r -> user.toString().equals(r.key()));
            assertThat(new String(replayed.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER).value(),
                    StandardCharsets.UTF_8)).startsWith(DEAD_LETTERS + "/");
            assertThat(replayed.headers().lastHeader("kafka_dlt-original-topic")).isNull();
        }
        await().atMost(PATIENCE).until(() -> effects.effectsOf(rejected.eventId()) == 1);

        // A second replay must not send it again. A later event of the same key (same partition) shows when
        // anything republished before it would have been delivered.
        replay.replay(PaymentEffects.CONSUMER);
        EventEnvelope<BalanceCharged> later = transactions.execute(tx -> outbox.append(TestEvents.charged(user)));
        await().atMost(PATIENCE).until(() -> listener.handledInOrder(user.toString()).contains(later.eventId()));
        assertThat(listener.handledInOrder(user.toString())).containsExactly(rejected.eventId(), later.eventId());
        assertThat(listener.deliveriesOf(user.toString())).as("dead-lettered, replayed once, the later one")
                .isEqualTo(3);
    }

    @Test
    void theCommandLineReplaysAGroupsDeadLetters() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> rejected = deadLettered(user);
        listener.accept(rejected.eventId());

        DeadLetterReplayCommand.main(new String[] {"--group=" + PaymentEffects.CONSUMER,
                "--bootstrap-servers=" + bootstrapServers, "--timeout=PT30S"});

        await().atMost(PATIENCE).until(() -> effects.effectsOf(rejected.eventId()) == 1);
    }

    @Test
    void theInternalEndpointReplaysTheDeadLettersOfEveryGroupOfTheService() {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> rejected = deadLettered(user);
        listener.accept(rejected.eventId());
        WebTestClient http = WebTestClient.bindToRouterFunction(ReactiveReplayRoute.route(replay, listeners)).build();

        http.post().uri(DeadLetterReplayWebAutoConfiguration.PATH).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].group").isEqualTo(PaymentEffects.CONSUMER)
                .jsonPath("$[0].topics[0].deadLetterTopic").isEqualTo(DEAD_LETTERS)
                .jsonPath("$[0].topics[0].sourceTopic").isEqualTo(Topics.PAYMENT_EVENTS);

        await().atMost(PATIENCE).until(() -> effects.effectsOf(rejected.eventId()) == 1);
    }

    @Test
    void theServletRouteAnswersTheReports() throws Exception {
        UUID user = UUID.randomUUID();
        EventEnvelope<BalanceCharged> rejected = deadLettered(user);
        listener.accept(rejected.eventId());
        MockMvc http = MockMvcBuilders.routerFunctions(new ServletReplayRoute().deadLetterReplayRoute(replay, listeners))
                .build();

        http.perform(MockMvcRequestBuilders.post(DeadLetterReplayWebAutoConfiguration.PATH))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].group").value(PaymentEffects.CONSUMER))
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].topics[0].deadLetterTopic").value(DEAD_LETTERS));

        await().atMost(PATIENCE).until(() -> effects.effectsOf(rejected.eventId()) == 1);
    }

    private EventEnvelope<BalanceCharged> deadLettered(UUID user) {
        EventEnvelope<BalanceCharged> rejected = EventEnvelope.of(TestEvents.charged(user), Instant.now());
        listener.reject(rejected.eventId());
        admin.ensureExists(DEAD_LETTERS);
        try (KafkaTopicProbe deadLetters = KafkaTopicProbe.fromEndOf(bootstrapServers, DEAD_LETTERS)) {
            transactions.executeWithoutResult(tx -> outbox.append(rejected));
            deadLetters.awaitRecord(r -> user.toString().equals(r.key()));
        }
        return rejected;
    }

    /**
     * The dead letters already waiting (earlier tests' poison) once the gauge agrees with Kafka and nothing
     * is being dead-lettered any more (an earlier replay re-drives records that are still poison).
     */
    private long awaitSteadyDepth() {
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> depth() == admin.depth(DEAD_LETTERS, PaymentEffects.CONSUMER));
        return depth();
    }

    private long depth() {
        Gauge gauge = meters.find("ticketing.consumer.dead_letters").tag("group", PaymentEffects.CONSUMER)
                .tag("topic", Topics.PAYMENT_EVENTS).gauge();
        return gauge == null ? -1 : (long) gauge.value();
    }
}
