package dev.ticketing.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import javax.sql.DataSource;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.OutboxTable;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay's Kafka is unreachable (a closed port): commits go on, rows stay, nothing is dropped. */
@MessagingIntegrationTest
class KafkaOutageIT {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxTable table;
    @Autowired
    EventSerde serde;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    OutboxRelay cutOffRelay;

    @AfterEach
    void restoreTheRealRelay() {
        cutOffRelay.stop();
        relay.start();
    }

    @Test
    void relayThatCannotReachKafkaKeepsRowsAndRetriesAndTheyArePublishedOnceKafkaIsBack() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        cutOffRelay = ExtraRelay.create(dataSource, "127.0.0.1:" + closedPort(),
                ExtraRelay.settings("relay-cut-off", Duration.ofMillis(600)), meters);
        relay.stop();
        cutOffRelay.start();

        EventEnvelope<ReservationHeld> appended = transactions.execute(tx -> outbox.append(TestEvents.held()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.counter("ticketing.outbox.relay.failures", "store", "jdbc").count() >= 2);
        assertThat(table.leaseOwner()).isEqualTo("relay-cut-off");
        assertThat(table.isUnsent(appended.eventId())).isTrue();

        try (KafkaTopicProbe topic = KafkaTopicProbe.fromEndOf(bootstrapServers, Topics.RESERVATION_EVENTS)) {
            cutOffRelay.stop();
            relay.start();
            topic.awaitRecord(r -> serde.read(r.value()).eventId().equals(appended.eventId()));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
