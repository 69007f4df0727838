package dev.ticketing.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.OutboxTable;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.messaging.trace.RecordingTracer;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@MessagingIntegrationTest
class OutboxRelayIT {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxTable table;
    @Autowired
    EventSerde serde;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RecordingTracer tracer;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaTopicProbe reservationEvents;

    @BeforeEach
    void probeTopic() {
        reservationEvents = KafkaTopicProbe.fromEndOf(bootstrapServers, Topics.RESERVATION_EVENTS);
    }

    @AfterEach
    void closeProbeAndRestartRelay() {
        reservationEvents.close();
        relay.start();
    }

    /** The relay polls only every 60 s here (see application.yml): in time means woken by the commit. */
    @Test
    void appendedEventIsOnKafkaRightAfterCommitWithItsEventIdAndKey() {
        EventEnvelope<ReservationHeld> appended = transactions.execute(tx -> outbox.append(TestEvents.held()));

        ConsumerRecord<String, byte[]> record = reservationEvents.awaitRecord(r -> isEvent(r, appended.eventId()));

        assertThat(record.key()).isEqualTo(appended.key());
        assertThat(serde.read(record.value())).isEqualTo(appended);
        assertThat(record.value()).isEqualTo(table.payloadOf(appended.eventId()));
    }

    @Test
    void anEventAppendedInATraceIsStoredWithItAndPublishedInIt() {
        Span request = tracer.startSpan("POST /reservations");
        EventEnvelope<ReservationHeld> appended;
        try (Tracer.SpanInScope scope = tracer.inScope(request)) {
            appended = transactions.execute(tx -> outbox.append(TestEvents.held()));
        } finally {
            request.end();
        }
        assertThat(table.traceParentOf(appended.eventId())).isEqualTo(RecordingTracer.traceParentOf(request));

        ConsumerRecord<String, byte[]> record = reservationEvents.awaitRecord(r -> isEvent(r, appended.eventId()));

        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .startsWith("00-" + request.context().traceId() + "-");
    }

    /** Also what a row written before the trace_parent column existed looks like. */
    @Test
    void anEventAppendedOutsideATraceIsStoredWithoutOneAndPublishedWithoutTraceHeaders() {
        EventEnvelope<ReservationHeld> appended = transactions.execute(tx -> outbox.append(TestEvents.held()));
        assertThat(table.traceParentOf(appended.eventId())).isNull();

        ConsumerRecord<String, byte[]> record = reservationEvents.awaitRecord(r -> isEvent(r, appended.eventId()));

        assertThat(record.headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void eventOfARolledBackTransactionIsNeverWrittenNorPublished() {
        long scheduleId = TestEvents.newScheduleId();
        EventEnvelope<ReservationHeld> rolledBack = transactions.execute(tx -> {
            EventEnvelope<ReservationHeld> envelope = outbox.append(TestEvents.held(scheduleId, 17));
            tx.setRollbackOnly();
            return envelope;
        });
        // Same key, so same partition, appended later: had the first been published, it would come first.
        EventEnvelope<ReservationHeld> committed = transactions.execute(tx -> outbox.append(TestEvents.held(scheduleId, 17)));

        reservationEvents.awaitRecord(r -> isEvent(r, committed.eventId()));

        assertThat(table.contains(rolledBack.eventId())).isFalse();
        assertThat(reservationEvents.drainToEnd()).noneMatch(r -> isEvent(r, rolledBack.eventId()));
    }

    @Test
    void appendOutsideATransactionIsRefusedAndWritesNothing() {
        ReservationHeld event = TestEvents.held();
        EventEnvelope<ReservationHeld> envelope = EventEnvelope.of(event, Instant.now());

        assertThatThrownBy(() -> outbox.append(event)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> outbox.append(envelope)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(table.contains(envelope.eventId())).isFalse();
    }

    @Test
    void eventCommittedWhileTheRelayIsDownIsPublishedWhenItComesBack() {
        relay.stop();
        EventEnvelope<ReservationHeld> appended = transactions.execute(tx -> outbox.append(TestEvents.held()));
        assertThat(table.isUnsent(appended.eventId())).isTrue();

        relay.start();

        reservationEvents.awaitRecord(r -> isEvent(r, appended.eventId()));
    }

    @Test
    void backlogAndPublishingAreMeasuredPerTopic() {
        relay.stop();
        double backlogBefore = meters.get("ticketing.outbox.backlog").tag("store", "jdbc").gauge().value();
        double publishedBefore = published();
        EventEnvelope<ReservationHeld> appended = transactions.execute(tx -> outbox.append(TestEvents.held()));
        assertThat(meters.get("ticketing.outbox.backlog").tag("store", "jdbc").gauge().value()).isEqualTo(backlogBefore + 1);

        relay.start();

        reservationEvents.awaitRecord(r -> isEvent(r, appended.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> published() == publishedBefore + 1);
        assertThat(meters.get("ticketing.outbox.backlog").tag("store", "jdbc").gauge().value()).isEqualTo(backlogBefore);
        assertThat(meters.get("ticketing.outbox.publish.lag").tag("store", "jdbc").tag("topic", Topics.RESERVATION_EVENTS).timer().count())
                .isPositive();
    }

    private double published() {
        var counter = meters.find("ticketing.outbox.published").tag("store", "jdbc").tag("topic", Topics.RESERVATION_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean isEvent(ConsumerRecord<String, byte[]> record, UUID eventId) {
        return serde.read(record.value()).eventId().equals(eventId);
    }
}
