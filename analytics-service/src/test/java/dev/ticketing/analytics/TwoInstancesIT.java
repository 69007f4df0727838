package dev.ticketing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import dev.ticketing.analytics.streams.Topics;
import dev.ticketing.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of analytics-service in one group: each owns some partitions, so each holds some concerts' figures,
 * and either answers for every concert by asking the owner (FiguresQuery through the internal endpoint).
 */
class TwoInstancesIT {

    private static final String ADMIN_KEY = "two-instances-key";
    private static final String GROUP = "analytics-sales-pair-" + UUID.randomUUID().toString().substring(0, 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static final List<Path> STATE = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws IOException {
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            Path state = Files.createTempDirectory("analytics-pair-");
            PORTS.add(port);
            STATE.add(state);
            INSTANCES.add(new SpringApplicationBuilder(AnalyticsServiceApplication.class).run(
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
                    "--spring.kafka.streams.application-id=" + GROUP,
                    "--spring.kafka.streams.state-dir=" + state,
                    "--ticketing.admin-key=" + ADMIN_KEY,
                    "--management.server.port=-1"));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> INSTANCES.stream().allMatch(context ->
                context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams().state() == KafkaStreams.State.RUNNING));
    }

    @AfterAll
    static void stop() throws IOException {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        for (Path dir : STATE) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void eitherInstanceAnswersForEveryConcertAndEachConcertLivesOnExactlyOne() throws Exception {
        List<UUID> concerts = new ArrayList<>();
        Instant joined = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 8; i++) {
                UUID concert = UUID.randomUUID();
                concerts.add(concert);
                Fan fan = new Fan(concert, 100 + i, "2027-03-0" + (1 + i % 9), 1 + i);
                producer.send(new ProducerRecord<>(Topics.QUEUE, fan.token.toString(),
                        fan.admitted(joined, joined.plusSeconds(5))));
                producer.send(new ProducerRecord<>(Topics.RESERVATION, fan.seatKey(), fan.held(70_000, joined.plusSeconds(9))));
                producer.send(new ProducerRecord<>(Topics.PAYMENT, fan.user.toString(), fan.paid(70_000, joined.plusSeconds(20))));
                producer.send(new ProducerRecord<>(Topics.RESERVATION, fan.seatKey(),
                        fan.confirmed(70_000, joined.plusSeconds(21))));
            }
        }

        for (UUID concert : concerts) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode first = figures(PORTS.get(0), concert);
                JsonNode second = figures(PORTS.get(1), concert);
                assertThat(first.at("/sales/seatsSold").asLong()).isEqualTo(1);
                assertThat(first.at("/funnel/paid").asLong()).isEqualTo(1);
                assertThat(second).as("the same figures from the other instance").isEqualTo(first);
            });
        }
        Set<String> local = new HashSet<>();
        int held = 0;
        for (int port : PORTS) {
            for (JsonNode figures : get(port, "/internal/v1/analytics/concerts").values()) {
                local.add(figures.path("concertId").asString());
                held++;
            }
        }
        assertThat(held).as("each concert held by exactly one instance").isEqualTo(local.size());
        assertThat(local).containsAll(concerts.stream().map(UUID::toString).toList());
        for (int port : PORTS) {
            assertThat(get(port, "/api/v1/admin/analytics/concerts").path("concerts").values())
                    .extracting(line -> line.path("concertId").asString())
                    .containsAll(concerts.stream().map(UUID::toString).toList());
        }
    }

    private static JsonNode figures(int port, UUID concert) throws Exception {
        return get(port, "/api/v1/admin/analytics/concerts/" + concert);
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Admin-Key", ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " on " + port + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
