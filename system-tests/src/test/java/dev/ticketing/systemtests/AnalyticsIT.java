package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import dev.ticketing.infra.audit.AuditSources;
import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.ServiceName;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;

/**
 * analytics-service against the services' own records, through the gateway: fans book two concerts while
 * analytics-service is killed with SIGKILL and restarted, then every event of the run is delivered a second time
 * (as an outbox relay that crashed before marking its batch sent would), and still each concert's figures equal
 * what reservation-service, payment-service and queue-service hold.
 */
class AnalyticsIT {

    private static final LocalStack STACK = SystemUnderTest.stack();
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int CONCERTS = 8;
    private static final List<String> TOPICS = List.of("queue.events", "reservation.events", "payment.events");
    private static final Map<String, Long> NOTHING_COUNTED = Map.ofEntries(Map.entry("joins", 0L),
            Map.entry("admissions", 0L), Map.entry("abandons", 0L), Map.entry("fans held", 0L),
            Map.entry("fans paid", 0L), Map.entry("purchases timed", 0L), Map.entry("seats sold", 0L),
            Map.entry("revenue", 0L), Map.entry("paid", 0L), Map.entry("refunded", 0L), Map.entry("holds", 0L),
            Map.entry("expiries", 0L), Map.entry("confirmations", 0L), Map.entry("payments", 0L),
            Map.entry("seats sold in one-minute windows", 0L));

    @Test
    void figuresEqualTheServicesStateAfterAKillMidStreamAndEveryEventDeliveredTwice() {
        Map<TopicPartition, Long> before = endOffsets();
        // Seats for several minutes of load: three fans sold 100 seats in about 40 s, before the restart was over,
        // and a sold-out load pays no more. Concerts the load never reaches have no figures (all zero, below).
        List<Concerts.Concert> concerts = IntStream.range(0, CONCERTS)
                .mapToObj(i -> Concerts.create("analytics")).toList();
        JourneyLoad load = JourneyLoad.start(SystemUnderTest.api(), concerts, 3);
        try {
            await("fans pay").atMost(PATIENCE).until(() -> load.paid().size() >= 3);
            STACK.killService(ServiceName.ANALYTICS);
            int paidWhileDown = load.paid().size();
            await("fans pay while analytics-service is down").atMost(PATIENCE)
                    .until(() -> load.paid().size() >= paidWhileDown + 2);
            STACK.startService(ServiceName.ANALYTICS);
            int paidAfterRestart = load.paid().size();
            await("fans pay after the restart").atMost(PATIENCE)
                    .until(() -> load.paid().size() >= paidAfterRestart + 2);
        } finally {
            load.close();
        }
        int redelivered = redeliver(before, endOffsets());
        assertThat(redelivered).as("events of this run delivered again").isGreaterThan(20);

        for (Concerts.Concert concert : concerts) {
            await("analytics-service's figures of " + concert.title() + " equal the services' records")
                    .atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(figures(concert)).isEqualTo(servicesRecords(concert)));
            System.out.printf("analytics-service figures of %s (%d events delivered twice): %s%n", concert.title(),
                    redelivered, new TreeMap<>(figures(concert)));
        }
    }

    /**
     * What analytics-service says of the concert, in the terms compared. A concert no fan reached (the load walks the
     * concerts' seats in turn and may stop before the second) has no events, so its figures are all zero: that is
     * what 404 CONCERT_NOT_FOUND says.
     */
    private static Map<String, Long> figures(Concerts.Concert concert) {
        HttpApi.Response answer = SystemUnderTest.api().get("/api/v1/admin/analytics/concerts/" + concert.concertId()
                + "?minutes=120", Map.of("X-Admin-Key", SystemUnderTest.ADMIN_KEY));
        if (answer.status() == 404 && answer.isProblem() && "CONCERT_NOT_FOUND".equals(answer.code())) {
            return NOTHING_COUNTED;
        }
        if (answer.status() != 200) {
            HttpApi.Response known = SystemUnderTest.api().get("/api/v1/admin/analytics/concerts",
                    Map.of("X-Admin-Key", SystemUnderTest.ADMIN_KEY));
            assertThat(answer.status()).as("%s; analytics-service knows: %s", answer.body(), known.body())
                    .isEqualTo(200);
        }
        JsonNode body = answer.json();
        Map<String, Long> figures = new HashMap<>();
        figures.put("joins", body.at("/queue/joins").asLong());
        figures.put("admissions", body.at("/queue/admissions").asLong());
        figures.put("abandons", body.at("/queue/abandons").asLong());
        figures.put("fans held", body.at("/funnel/held").asLong());
        figures.put("fans paid", body.at("/funnel/paid").asLong());
        figures.put("purchases timed", body.at("/joinToPurchase/purchases").asLong());
        figures.put("seats sold", body.at("/sales/seatsSold").asLong());
        figures.put("revenue", body.at("/sales/revenue").asLong());
        figures.put("paid", body.at("/sales/paidAmount").asLong());
        figures.put("refunded", body.at("/sales/refundedAmount").asLong());
        long holds = 0;
        long expiries = 0;
        long confirmations = 0;
        long payments = 0;
        for (JsonNode date : body.path("dates").values()) {
            holds += date.path("holds").asLong();
            expiries += date.path("expiries").asLong();
            confirmations += date.path("confirmations").asLong();
            payments += date.path("payments").asLong();
        }
        figures.put("holds", holds);
        figures.put("expiries", expiries);
        figures.put("confirmations", confirmations);
        figures.put("payments", payments);
        figures.put("seats sold in one-minute windows", body.path("salesPerMinute").values().stream()
                .mapToLong(minute -> minute.path("seats").asLong()).sum());
        return figures;
    }

    /** The same figures from the services' own stores: reservation and payment tables, queue tokens in Redis. */
    private static Map<String, Long> servicesRecords(Concerts.Concert concert) throws SQLException {
        AuditSources sources = AuditSources.of(STACK);
        Map<String, Long> records = new HashMap<>();
        Map<String, String> tokenOfReservation = new HashMap<>();
        Map<String, Long> byStatus = new HashMap<>();
        try (Connection db = connect(sources.reservation());
             PreparedStatement query = db.prepareStatement(
                     "SELECT id, token_id, status FROM reservation WHERE concert_id = ?")) {
            query.setString(1, concert.concertId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokenOfReservation.put(rows.getString(1), rows.getString(2));
                    byStatus.merge(rows.getString(3), 1L, Long::sum);
                }
            }
        }
        assertThat(byStatus.getOrDefault("HELD", 0L)).as("holds still running out").isZero();
        records.put("holds", (long) tokenOfReservation.size());
        records.put("expiries", byStatus.getOrDefault("EXPIRED", 0L));
        records.put("confirmations", byStatus.getOrDefault("CONFIRMED", 0L));
        records.put("seats sold", byStatus.getOrDefault("CONFIRMED", 0L));
        records.put("seats sold in one-minute windows", byStatus.getOrDefault("CONFIRMED", 0L));
        records.put("fans held", (long) new HashSet<>(tokenOfReservation.values()).size());

        long payments = 0;
        long paid = 0;
        long refunded = 0;
        Set<String> payingTokens = new HashSet<>();
        if (!tokenOfReservation.isEmpty()) {
            String ids = String.join(",", tokenOfReservation.keySet().stream().map(id -> "'" + id + "'").toList());
            try (Connection db = connect(sources.payment());
                 ResultSet rows = db.createStatement().executeQuery(
                         "SELECT reservation_id, amount, status FROM payment WHERE reservation_id IN (" + ids + ")")) {
                while (rows.next()) {
                    payments++;
                    paid += rows.getLong(2);
                    if ("REFUNDED".equals(rows.getString(3))) {
                        refunded += rows.getLong(2);
                    }
                    payingTokens.add(tokenOfReservation.get(rows.getString(1)));
                }
            }
        }
        records.put("payments", payments);
        records.put("paid", paid);
        records.put("refunded", refunded);
        records.put("revenue", paid - refunded);
        records.put("fans paid", (long) payingTokens.size());
        records.put("purchases timed", (long) payingTokens.size());
        records.putAll(queueTokens(sources, concert));
        return records;
    }

    /** queue-service's token records of the concert: every join made one, admission and abandonment mark it. */
    private static Map<String, Long> queueTokens(AuditSources sources, Concerts.Concert concert) {
        AuditSources.Queue queue = sources.queue().orElseThrow();
        RedisClient client = RedisClient.create(RedisURI.create(queue.host(), queue.port()));
        long joins = 0;
        long admissions = 0;
        long abandons = 0;
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches("queue:token:*").limit(1000));
                for (String key : page.getKeys()) {
                    Map<String, String> token = redis.hgetall(key);
                    if (!concert.concertId().equals(token.get("concertId"))) {
                        continue;
                    }
                    joins++;
                    admissions += token.containsKey("activatedAt") ? 1 : 0;
                    abandons += "ABANDONED".equals(token.get("reason")) ? 1 : 0;
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return Map.of("joins", joins, "admissions", admissions, "abandons", abandons);
    }

    /** Sends every record the three topics got between the two offsets again, unchanged: same key, value, headers. */
    private static int redeliver(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        int sent = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka(Map.of(
                     ProducerConfig.ACKS_CONFIG, "all")), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
                TopicPartition partition = end.getKey();
                long start = from.getOrDefault(partition, 0L);
                consumer.assign(List.of(partition));
                consumer.seek(partition, start);
                long position = start;
                while (position < end.getValue()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        if (record.offset() < end.getValue()) {
                            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                                    record.value(), record.headers()));
                            sent++;
                        }
                        position = record.offset() + 1;
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka(Map.of()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static Properties kafka(Map<String, Object> more) {
        Properties config = new Properties();
        config.put("bootstrap.servers", "127.0.0.1:" + STACK.settings().ports().kafka());
        config.putAll(more);
        return config;
    }

    private static Connection connect(AuditSources.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
