package dev.ticketing.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ticketing.events.EventSerde;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.messaging.testapp.MessagingIntegrationTest;
import dev.ticketing.messaging.testapp.OutboxTable;
import dev.ticketing.messaging.testapp.TestEvents;
import dev.ticketing.testsupport.KafkaTopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** Two instances of a service, one outbox table: one relays at a time, the other takes over. */
@MessagingIntegrationTest
class RelayFailoverIT {

    private static final int SEATS = 3;
    private static final int EVENTS_PER_HALF = 30;

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

    OutboxRelay secondInstance;

    @AfterEach
    void restoreOneRelay() {
        secondInstance.stop();
        relay.start();
    }

    @Test
    void twoRelayInstancesPublishEachEventExactlyOnceInPerKeyOrderAcrossATakeover() {
        secondInstance = ExtraRelay.create(dataSource, bootstrapServers, "relay-b");
        long scheduleId = TestEvents.newScheduleId();
        Map<String, List<UUID>> appendedByKey = new LinkedHashMap<>();
        try (KafkaTopicProbe topic = KafkaTopicProbe.fromEndOf(bootstrapServers, Topics.RESERVATION_EVENTS)) {
            secondInstance.start();
            appendEvents(scheduleId, appendedByKey);
            relay.stop(); // the instance that held the lease goes away mid-stream
            appendEvents(scheduleId, appendedByKey);

            List<UUID> all = appendedByKey.values().stream().flatMap(List::stream).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> table.allSent(all));
            assertThat(table.leaseOwner()).isEqualTo("relay-b");
            secondInstance.stop(); // nothing in flight any more: the topic holds all it will ever get

            Map<String, List<UUID>> publishedByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : topic.drainToEnd()) {
                if (appendedByKey.containsKey(record.key())) {
                    publishedByKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(serde.read(record.value()).eventId());
                }
            }
            assertThat(publishedByKey).isEqualTo(appendedByKey);
        }
    }

    private void appendEvents(long scheduleId, Map<String, List<UUID>> appendedByKey) {
        for (int i = 0; i < EVENTS_PER_HALF; i++) {
            int seat = 1 + i % SEATS;
            var envelope = transactions.execute(tx -> outbox.append(TestEvents.held(scheduleId, seat)));
            appendedByKey.computeIfAbsent(envelope.key(), key -> new ArrayList<>()).add(envelope.eventId());
        }
    }
}
