package dev.ticketing.gateway;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of four real stub services. Every *IT class extends this, so they all share one Spring
 * context and one set of stubs (started once per test JVM).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayInFrontOfStubs {

    /** Shorter than production so the slow-service test is quick, long enough for a cold first request. */
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(3);

    static final StubService queueService = StubService.start("queue-service");
    static final StubService concertService = StubService.start("concert-service");
    static final StubService reservationService = StubService.start("reservation-service");
    static final StubService paymentService = StubService.start("payment-service");

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void pointRoutesAtStubs(DynamicPropertyRegistry registry) {
        registry.add("QUEUE_SERVICE_URL", queueService::url);
        registry.add("CONCERT_SERVICE_URL", concertService::url);
        registry.add("RESERVATION_SERVICE_URL", reservationService::url);
        registry.add("PAYMENT_SERVICE_URL", paymentService::url);
        registry.add("ticketing.gateway.upstream-timeout", UPSTREAM_TIMEOUT::toString);
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
