package dev.ticketing.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.ticketing.queue.support.ConcertServiceStub;
import dev.ticketing.queue.support.QueueClient;
import dev.ticketing.testsupport.TestInfrastructure;

/**
 * The service pointed at a Redis that is not there (a closed port), the shared Redis of the other tests left
 * alone. Its own context, by necessity; its Kafka listener stays off so it takes no events from the other one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "logging.level.org.apache.kafka=WARN"})
@AutoConfigureWebTestClient
class RedisOutageIT {

    private static final ConcertServiceStub concertService = new ConcertServiceStub();

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void redisNobodyListensOn(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RedisOutageIT::closedPort);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        registry.add("ticketing.instances.concert-service", concertService::url);
    }

    @AfterAll
    static void stopStub() {
        concertService.close();
    }

    @Test
    void aJoinFailsFastWithServiceUnavailable() {
        new QueueClient(http).join(UUID.randomUUID(), concertService.newConcert())
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aPollFailsFastWithServiceUnavailable() {
        new QueueClient(http).poll(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void theKeySetIsUnavailableRatherThanEmpty() {
        http.get().uri("/api/v1/queue/jwks.json").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void theInstanceIsNotReady() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.redis.status").isEqualTo("DOWN");
    }

    @Test
    void itStaysAlive() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
