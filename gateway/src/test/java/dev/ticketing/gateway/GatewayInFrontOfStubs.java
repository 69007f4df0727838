package dev.ticketing.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.ticketing.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of five real stub services (analytics-service as two instances), with the JVM's real Kafka and Redis. Every *IT class extends
 * this, so they all share one Spring context and one set of stubs (started once per test JVM). The stub queue
 * service serves the JWK Set of {@link #tokens}, so tests sign the tokens they send.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealInfrastructure
abstract class GatewayInFrontOfStubs {

    /** Shorter than production so the slow-service test is quick, long enough for a cold first request. */
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(3);
    /** How long the gateway repeats a service's "seat taken" in this context. */
    static final Duration TAKEN_SEAT_MEMORY = Duration.ofSeconds(3);
    /** Joins per second per client address in this context: a burst of 5. */
    static final int JOIN_RATE = 1;

    static final String USER = UUID.randomUUID().toString();
    static final String CONCERT = UUID.randomUUID().toString();

    static final QueueTokens tokens = new QueueTokens();

    static final StubService queueService = StubService.answering("queue-service",
            Map.of("/api/v1/queue/jwks.json", tokens::jwkSet));
    static final StubService concertService = StubService.start("concert-service");
    static final StubService reservationService = StubService.start("reservation-service");
    static final StubService paymentService = StubService.start("payment-service");
    static final StubService analyticsService = StubService.start("analytics-service");
    /** analytics-service runs as two instances here, so InstanceFailoverIT can take one away. */
    static final StubService analyticsSecondInstance = StubService.start("analytics-service");

    private static volatile boolean ready;

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void pointRoutesAtStubs(DynamicPropertyRegistry registry) {
        registry.add("QUEUE_SERVICE_URL", queueService::url);
        registry.add("CONCERT_SERVICE_URL", concertService::url);
        registry.add("RESERVATION_SERVICE_URL", reservationService::url);
        registry.add("PAYMENT_SERVICE_URL", paymentService::url);
        registry.add("ANALYTICS_SERVICE_URL", () -> analyticsService.url() + "," + analyticsSecondInstance.url());
        registry.add("ticketing.gateway.upstream-timeout", UPSTREAM_TIMEOUT::toString);
        registry.add("ticketing.gateway.join-rate-per-ip", () -> JOIN_RATE);
        // So each join test can be its own client address (one proxy hop, as behind a load balancer).
        registry.add("ticketing.gateway.trusted-proxy-hops", () -> 1);
        // A key-rotation test right after an unknown-kid test must not wait out the production 5 s.
        registry.add("ticketing.gateway.token.jwks-min-refresh-interval", () -> "PT0.1S");
        // Longer than production's 1 s, so that a busy machine cannot let a remembered seat lapse between two requests,
        // nor a hold stop waiting for the answer to another on its seat.
        registry.add("ticketing.gateway.taken-seats.memory", TAKEN_SEAT_MEMORY::toString);
        registry.add("ticketing.gateway.taken-seats.max-wait", TAKEN_SEAT_MEMORY::toString);
    }

    /** Keys loaded and revocations read: what production waits for before it sends traffic. */
    @BeforeEach
    void gatewayIsReady() {
        if (!ready) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
            ready = true;
        }
    }

    /** An ACTIVE token of {@link #USER} for {@link #CONCERT}, as an Authorization header value. */
    static String activeBearer() {
        return QueueTokens.bearer(tokens.active(USER, CONCERT));
    }

    WebTestClient.RequestHeadersSpec<?> getWithActiveToken(String path) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, activeBearer());
    }

    WebTestClient.BodyContentSpec expectProblem(WebTestClient.RequestHeadersSpec<?> request, int status,
            String code) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }
}
