package dev.ticketing.gateway;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerEvent.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class ServiceFailureIT extends GatewayInFrontOfStubs {

    private static final String HOLD = "{\"concertId\":\"" + CONCERT + "\",\"date\":\"2026-12-24\",\"seatNumber\":7}";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    HttpClientProperties httpClient;

    @Test
    void stoppedServiceAnswersServiceUnavailableProblemNamingTheService() {
        reservationService.stop();
        try {
            // Connections the gateway had pooled close asynchronously: the first answers may still race them.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    expectProblem(getWithActiveToken("/api/v1/reservations/r-1"), 503, "SERVICE_UNAVAILABLE")
                            .jsonPath("$.detail").value(containsString("reservation-service")));
            // A POST that could not even connect was certainly not applied: trying again is the right advice.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    client.post().uri("/api/v1/reservations").header(HttpHeaders.AUTHORIZATION, activeBearer())
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(HOLD).exchange()
                            .expectStatus().isEqualTo(503)
                            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                            .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE"));
        } finally {
            reservationService.restart();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                getWithActiveToken("/api/v1/reservations/r-1").exchange().expectStatus().isOk());
    }

    @Test
    void getFromAServiceSlowerThanTheTimeLimitAnswersServiceUnavailableProblemWithRetryAfter() {
        getWithActiveToken("/api/v1/payments/slow").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(containsString("payment-service"));

        // The one deadline is the configured one, and no time limiter (Resilience4j's silent 1 s default) cuts it.
        assertThat(httpClient.getResponseTimeout()).isEqualTo(UPSTREAM_TIMEOUT);
        assertThat(breakers.getTimeLimiterRegistry().find("payment-service")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/payments,        '{\"reservationId\":\"r-1\"}', GET /api/v1/reservations/{reservationId}",
            "/api/v1/balance/charges, '{\"amount\":1000}',           GET /api/v1/balance"})
    void postThatTheServiceDoesNotAnswerInTimeIsOutcomeUnknownSayingHowToCheck(String path, String body,
                                                                                String check) {
        WebTestClient.RequestHeadersSpec<?> stalledPost = client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, activeBearer())
                .header(StubService.STALL, "true")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);

        // No Retry-After: a blind retry is what could apply the request twice.
        stalledPost.exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("OUTCOME_UNKNOWN")
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").value(allOf(containsString("payment-service"),
                        containsString("may have been applied"), containsString(check),
                        containsString("same Idempotency-Key")));
    }

    @Test
    void postWhoseConnectionTheServiceClosedAfterReadingItIsOutcomeUnknown() {
        expectProblem(client.post().uri("/api/v1/balance/charges")
                .header(HttpHeaders.AUTHORIZATION, activeBearer())
                .header(StubService.HANG_UP, "true")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":1000}"), 504, "OUTCOME_UNKNOWN")
                .jsonPath("$.detail").value(containsString("may have been applied"));
    }

    @Test
    void aGetWhoseAnswerWasCutOffMidwayIsServiceUnavailableNotAHalfAnswer() {
        expectProblem(getWithActiveToken("/api/v1/balance").header(StubService.CUT_BODY, "true"),
                503, "SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(containsString("payment-service"));
    }

    @Test
    void aPostWhoseAnswerWasCutOffMidwayIsOutcomeUnknownNotAHalfAnswer() {
        expectProblem(client.post().uri("/api/v1/balance/charges")
                .header(HttpHeaders.AUTHORIZATION, activeBearer())
                .header(StubService.CUT_BODY, "true")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":1000}"), 504, "OUTCOME_UNKNOWN")
                .jsonPath("$.detail").value(allOf(containsString("payment-service"),
                        containsString("may have been applied")));
    }

    /** Failures made on purpose here must not open a breaker for the tests that run after, in the same context. */
    @AfterEach
    void breakersStartAfresh() {
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void serverErrorAnsweredByAServicePassesThroughAndCountsAsBreakerFailure() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-500"), 500, "STUB_500");

        assertThat(outcomes).containsExactly(Type.ERROR);
    }

    @Test
    void aServiceFailingEveryCallHasItsBreakerOpenedAndIsThenRefusedWithoutBeingCalled() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        // With the one success breakerOutcomesOf made: the minimum of 10 calls, 90 % of them failed.
        for (int i = 0; i < 9; i++) {
            expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-500"), 500, "STUB_500");
        }

        assertThat(outcomes).filteredOn(Type.ERROR::equals).hasSize(9);
        assertThat(breakers.getCircuitBreakerRegistry().find("concert-service").orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        expectProblem(getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates"), 503, "SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(containsString("concert-service"));
        assertThat(outcomes).endsWith(Type.NOT_PERMITTED);
    }

    @Test
    void aBurstOfFailuresAmongManySuccessesKeepsTheBreakerClosed() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        // As in an on-sale: the service answers hundreds of calls, then fails a burst of them for a second. The
        // breaker judges the last seconds of calls, not the last few: 15 failures after 40 successes are 27 %.
        for (int i = 0; i < 40; i++) {
            getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();
        }
        for (int i = 0; i < 15; i++) {
            expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-500"), 500, "STUB_500");
        }

        assertThat(outcomes).filteredOn(Type.ERROR::equals).hasSize(15);
        assertThat(breakers.getCircuitBreakerRegistry().find("concert-service").orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();
    }

    @Test
    void aDeliberateShedPassesThroughWithRetryAfterAndNeverOpensTheBreaker() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        for (int i = 0; i < 30; i++) {
            getWithActiveToken("/api/v1/concerts/c-1/shed").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.code").isEqualTo("SERVICE_BUSY");
        }

        assertThat(outcomes).containsOnly(Type.IGNORED_ERROR).hasSize(30);
        assertThat(breakers.getCircuitBreakerRegistry().find("concert-service").orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();
    }

    @Test
    void clientErrorAnsweredByAServiceCountsAsBreakerSuccess() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-409"), 409, "STUB_409");

        assertThat(outcomes).containsExactly(Type.SUCCESS);
    }

    /** What the service's breaker records from now on (the breaker exists once a first call went through). */
    private List<Type> breakerOutcomesOf(String service) {
        client.get().uri("/api/v1/concerts").exchange().expectStatus().isOk();
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().find(service).orElseThrow();
        List<Type> outcomes = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onEvent(event -> outcomes.add(event.getEventType()));
        return outcomes;
    }
}
