package dev.ticketing.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.trace.EventTracing;
import dev.ticketing.messaging.trace.RecordingTracer;
import dev.ticketing.testsupport.KafkaTopicProbe;
import dev.ticketing.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay over any store (here one in memory) against a real Kafka: what every store gets from it. */
class RelayGuaranteesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InMemoryOutboxSource source = new InMemoryOutboxSource("memory");
    private final InMemoryRelayLease lease = new InMemoryRelayLease();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private String topic;

    @BeforeEach
    void freshTopic() throws ExecutionException, InterruptedException {
        topic = "relay-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void eventsReachKafkaWithTheirKeysAndPayloadsInWriteOrderPerKeyAndAreAcknowledgedOnceAcked() {
        Map<String, List<String>> writtenByKey = new LinkedHashMap<>();
        try (KafkaTopicProbe probe = KafkaTopicProbe.fromEndOf(kafka(), topic)) {
            relay("relay-a", kafka()).start();
            for (int i = 0; i < 450; i++) { // more than two batches of 200
                String key = "seat-" + i % 3;
                source.write(topic, key, key + "#" + i);
                writtenByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(key + "#" + i);
            }

            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(r -> true, 450);

            Map<String, List<String>> publishedByKey = new LinkedHashMap<>();
            records.forEach(r -> publishedByKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(new String(r.value(), StandardCharsets.UTF_8)));
            assertThat(publishedByKey).isEqualTo(writtenByKey);
        }
        await().atMost(PATIENCE).until(() -> source.pendingCount() == 0);
        assertThat(source.acknowledged()).hasSize(450);
    }

    @Test
    void eachEventIsPublishedInTheTraceItWasWrittenInAndOneWrittenOutsideATraceAsBefore() {
        RecordingTracer tracer = new RecordingTracer();
        Span writer = tracer.startSpan("POST /payments");
        writer.end();
        try (KafkaTopicProbe probe = KafkaTopicProbe.fromEndOf(kafka(), topic)) {
            relay("relay-traced", kafka(), tracer.eventTracing()).start();
            source.write(topic, "seat-1", "in a trace", RecordingTracer.traceParentOf(writer));
            source.write(topic, "seat-1", "before traces were stored");

            List<ConsumerRecord<String, byte[]>> records = probe.awaitRecords(r -> true, 2);

            Header traced = records.getFirst().headers().lastHeader("traceparent");
            assertThat(new String(traced.value(), StandardCharsets.UTF_8))
                    .startsWith("00-" + writer.context().traceId() + "-");
            assertThat(records.getLast().headers().lastHeader("traceparent")).isNull();
        }
        await().atMost(PATIENCE).until(() -> source.pendingCount() == 0);
        SpanData producer = tracer.ended().getLast();
        assertThat(producer.getParentSpanId()).isEqualTo(writer.context().spanId());
    }

    @Test
    void nothingIsAcknowledgedWhileKafkaIsUnreachableAndFailedRoundsAreCounted() throws IOException {
        relay("relay-cut-off", "127.0.0.1:" + closedPort()).start();
        source.write(topic, "seat-1", "held");

        await().atMost(PATIENCE).until(() -> failures() >= 1);
        assertThat(source.acknowledged()).isEmpty();

        await().atMost(PATIENCE).until(() -> failures() >= 2);
        assertThat(source.acknowledged()).isEmpty();
        assertThat(source.pendingCount()).isEqualTo(1);
    }

    @Test
    void failedRoundsAreRetriedAfterAPauseThatDoubles() throws InterruptedException {
        source.failReadsWith(new IllegalStateException("store unreachable"));
        relay("relay-a", kafka()).start(); // back-off 100 ms doubling: fails at about 0, 0.1, 0.3, 0.7, 1.5 s

        Thread.sleep(1_200);

        assertThat(failures()).isBetween(3.0, 5.0);
        source.failReadsWith(null);
        source.write(topic, "seat-1", "held");
        await().atMost(PATIENCE).until(() -> source.acknowledged().size() == 1);
    }

    @Test
    void onlyTheLeaseHolderReadsAndAnotherInstanceTakesOverWhenItGivesTheLeaseUp() {
        OutboxRelay first = relay("relay-a", kafka());
        first.start();
        await().atMost(PATIENCE).until(() -> "relay-a".equals(lease.owner()));
        OutboxRelay second = relay("relay-b", kafka());
        second.start();
        source.write(topic, "seat-1", "held");
        await().atMost(PATIENCE).until(() -> source.acknowledged().size() == 1);
        assertThat(lease.owner()).isEqualTo("relay-a");

        first.stop();
        source.write(topic, "seat-1", "expired");

        await().atMost(PATIENCE).until(() -> source.acknowledged().size() == 2);
        assertThat(lease.owner()).isEqualTo("relay-b");
    }

    @Test
    void aRelayWhoseLeaseIsHeldElsewhereDoesNotReadTheStore() throws InterruptedException {
        lease.tryAcquire("another-instance", Duration.ofMinutes(1));
        relay("relay-a", kafka()).start();
        source.write(topic, "seat-1", "held");

        Thread.sleep(500);

        assertThat(source.reads()).isZero();
        lease.release("another-instance");
        await().atMost(PATIENCE).until(() -> source.acknowledged().size() == 1);
    }

    @Test
    void publishedEventsAndTheirLagAreMeasuredPerStoreAndTopic() {
        relay("relay-a", kafka()).start();
        source.write(topic, "seat-1", "held");
        source.write(topic, "seat-2", "held");

        await().atMost(PATIENCE).until(() -> source.acknowledged().size() == 2);

        assertThat(meters.get("ticketing.outbox.published").tags("store", "memory", "topic", topic).counter().count())
                .isEqualTo(2);
        assertThat(meters.get("ticketing.outbox.publish.lag").tags("store", "memory", "topic", topic).timer().count())
                .isEqualTo(2);
    }

    private OutboxRelay relay(String instanceId, String bootstrapServers) {
        return relay(instanceId, bootstrapServers, EventTracing.OFF);
    }

    private OutboxRelay relay(String instanceId, String bootstrapServers, EventTracing tracing) {
        MessagingProperties.Relay settings = new MessagingProperties.Relay(true, 200, Duration.ofMillis(100),
                Duration.ofSeconds(3), Duration.ofMillis(900), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofMinutes(1), instanceId);
        OutboxRelay relay = new OutboxRelay(source, lease, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), instanceId, settings, meters, Clock.systemUTC(), tracing);
        relays.add(relay);
        return relay;
    }

    private double failures() {
        return meters.counter("ticketing.outbox.relay.failures", "store", "memory").count();
    }

    private static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
