package dev.ticketing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ticketing.analytics.streams.Topics;
import dev.ticketing.testsupport.KafkaTopicProbe;
import dev.ticketing.testsupport.RealInfrastructure;
import dev.ticketing.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as it runs: Kafka Streams on a real broker, fed events the way the services publish them, answering
 * over HTTP and Prometheus. One context for all tests; each test uses a concert of its own.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.admin-key=" + AnalyticsServiceIT.ADMIN_KEY,
        "ticketing.analytics.gauges-refresh=300ms"})
class AnalyticsServiceIT {

    static final String ADMIN_KEY = "analytics-it-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long PRICE = 90_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaProducer<String, byte[]> PRODUCER = producer();
    private static final Path STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "analytics-service-it-" + UUID.randomUUID());

    @DynamicPropertySource
    static void stateDirectory(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.streams.state-dir", STATE_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    StreamsBuilderFactoryBean streams;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void closeProducer() throws IOException {
        PRODUCER.close();
        deleteRecursively(STATE_DIR);
    }

    @Test
    void aJourneyPublishedTwiceIsCountedOnceAndServedToAdminsOnly() throws Exception {
        UUID concert = UUID.randomUUID();
        Fan fan = new Fan(concert, 11, "2027-02-01", 5);
        Instant joined = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(40);
        List<ProducerRecord<String, byte[]>> journey = journey(fan, joined);
        for (int delivery = 0; delivery < 2; delivery++) {
            journey.forEach(PRODUCER::send); // the second time as an outbox relay re-sends: the same records
        }
        PRODUCER.flush();

        JsonNode figures = awaitFigures(concert, body -> body.at("/sales/seatsSold").asLong() == 1
                && body.at("/joinToPurchase/purchases").asLong() == 1);

        assertThat(figures.at("/queue/joins").asLong()).isEqualTo(1);
        assertThat(figures.at("/funnel/paid").asLong()).isEqualTo(1);
        assertThat(figures.at("/funnel/paidOfJoined").asDouble()).isEqualTo(1.0);
        assertThat(figures.at("/sales/revenue").asLong()).isEqualTo(PRICE);
        assertThat(figures.at("/dates/0/date").asString()).isEqualTo("2027-02-01");
        assertThat(figures.at("/dates/0/holds").asLong()).isEqualTo(1);
        assertThat(figures.at("/joinToPurchase/meanSeconds").asDouble()).isEqualTo(30.0);
        assertThat(figures.at("/salesPerMinute/0/seats").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/admin/analytics/concerts", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/admin/analytics/concerts", "wrong").statusCode()).isEqualTo(403);
        JsonNode list = JSON.readTree(get("/api/v1/admin/analytics/concerts", ADMIN_KEY).body());
        assertThat(list.path("concerts").values()).anySatisfy(line ->
                assertThat(line.path("concertId").asString()).isEqualTo(concert.toString()));
    }

    @Test
    void figuresArePrometheusGaugesTaggedByConcert() {
        UUID concert = UUID.randomUUID();
        publishJourney(new Fan(concert, 12, "2027-02-02", 6), Instant.now().minusSeconds(40));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/actuator/prometheus", null).body())
                .contains("ticketing_analytics_funnel{application=\"analytics-service\",concert=\"" + concert
                        + "\",stage=\"paid\"} 1.0")
                .contains("ticketing_analytics_seats_sold{application=\"analytics-service\",concert=\"" + concert
                        + "\",date=\"2027-02-02\"} 1.0")
                .contains("ticketing_analytics_join_to_purchase_buckets{application=\"analytics-service\",concert=\""
                        + concert + "\",le=\"60.0\"} 1.0"));
    }

    @Test
    void poisonGoesToThisGroupsDeadLettersAndTheEventsBehindItAreStillCounted() {
        UUID concert = UUID.randomUUID();
        Fan fan = new Fan(concert, 13, "2027-02-03", 7);
        try (KafkaTopicProbe deadLetters = KafkaTopicProbe.fromEndOf(bootstrapServers(),
                Topics.deadLetters(Topics.RESERVATION, "analytics-sales"))) {
            byte[] version9 = new String(fan.held(PRICE, Instant.now()), StandardCharsets.UTF_8)
                    .replace("\"schemaVersion\":1", "\"schemaVersion\":9").getBytes(StandardCharsets.UTF_8);
            send(Topics.RESERVATION, fan.seatKey(), version9);
            send(Topics.RESERVATION, fan.seatKey(), fan.held(PRICE, Instant.now()));

            assertThat(deadLetters.awaitRecord(record -> fan.seatKey().equals(record.key())).value())
                    .isEqualTo(version9);
        }
        assertThat(awaitFigures(concert, body -> body.at("/dates/0/holds").asLong() == 1)).isNotNull();
    }

    @Test
    void badRequestsAreProblemsThatSayWhy() throws Exception {
        assertProblem(get("/api/v1/admin/analytics/concerts/not-a-uuid", ADMIN_KEY), 400);
        assertProblem(get("/api/v1/admin/analytics/concerts/" + UUID.randomUUID() + "?minutes=0", ADMIN_KEY), 400);
        assertProblem(get("/api/v1/admin/analytics/concerts/" + UUID.randomUUID() + "?minutes=x", ADMIN_KEY), 400);
        HttpResponse<String> unknown = get("/api/v1/admin/analytics/concerts/" + UUID.randomUUID(), ADMIN_KEY);
        assertProblem(unknown, 404);
        assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("CONCERT_NOT_FOUND");
    }

    @Test
    void anInstanceThatLostItsLocalStateRebuildsTheSameFiguresFromTheChangelogs() throws Exception {
        UUID concert = UUID.randomUUID();
        publishJourney(new Fan(concert, 14, "2027-02-04", 8), Instant.now().minusSeconds(40));
        JsonNode before = awaitFigures(concert, body -> body.at("/sales/seatsSold").asLong() == 1
                && body.at("/joinToPurchase/purchases").asLong() == 1);

        streams.stop();
        deleteRecursively(STATE_DIR);
        streams.start();
        await().atMost(PATIENCE).until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

        JsonNode after = awaitFigures(concert, body -> true);
        assertThat(after.path("queue")).isEqualTo(before.path("queue"));
        assertThat(after.path("funnel")).isEqualTo(before.path("funnel"));
        assertThat(after.path("sales")).isEqualTo(before.path("sales"));
        assertThat(after.path("dates")).isEqualTo(before.path("dates"));
        assertThat(after.path("joinToPurchase")).isEqualTo(before.path("joinToPurchase"));
    }

    private void publishJourney(Fan fan, Instant joined) {
        journey(fan, joined).forEach(PRODUCER::send);
        PRODUCER.flush();
    }

    /** Admitted 10 s after joining, holds, pays 30 s after joining, confirmed, token ended as PAID. */
    private static List<ProducerRecord<String, byte[]>> journey(Fan fan, Instant joined) {
        return List.of(
                new ProducerRecord<>(Topics.QUEUE, fan.token.toString(), fan.admitted(joined, joined.plusSeconds(10))),
                new ProducerRecord<>(Topics.RESERVATION, fan.seatKey(), fan.held(PRICE, joined.plusSeconds(20))),
                new ProducerRecord<>(Topics.PAYMENT, fan.user.toString(), fan.paid(PRICE, joined.plusSeconds(30))),
                new ProducerRecord<>(Topics.RESERVATION, fan.seatKey(), fan.confirmed(PRICE, joined.plusSeconds(31))),
                new ProducerRecord<>(Topics.QUEUE, fan.token.toString(),
                        fan.tokenExpired("PAID", joined, joined.plusSeconds(32))));
    }

    private JsonNode awaitFigures(UUID concert, Predicate<JsonNode> settled) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = get("/api/v1/admin/analytics/concerts/" + concert, ADMIN_KEY);
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        }, body -> body != null && settled.test(body));
    }

    private HttpResponse<String> get(String path, String adminKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (adminKey != null) {
            request.header("X-Admin-Key", adminKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static void send(String topic, String key, byte[] value) {
        PRODUCER.send(new ProducerRecord<>(topic, key, value));
    }

    private static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
