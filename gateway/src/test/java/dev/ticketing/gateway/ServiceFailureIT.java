package dev.ticketing.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerEvent.Type;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

class ServiceFailureIT extends GatewayInFrontOfStubs {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void stoppedServiceAnswersServiceUnavailableProblemNamingTheService() {
        reservationService.stop();
        try {
            // Connections the gateway had pooled close asynchronously: the first answers may still race them.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    expectProblem(getWithActiveToken("/api/v1/reservations/r-1"), 503, "SERVICE_UNAVAILABLE")
                            .jsonPath("$.detail").value(containsString("reservation-service")));
        } finally {
            reservationService.restart();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                getWithActiveToken("/api/v1/reservations/r-1").exchange().expectStatus().isOk());
    }

    @Test
    void serviceSlowerThanTheTimeLimitAnswersServiceUnavailableProblem() {
        expectProblem(getWithActiveToken("/api/v1/payments/slow"), 503, "SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(containsString("payment-service"));

        // The limit in force is the configured one, not Resilience4j's silent 1 s default.
        TimeLimiter paymentTimeLimit = breakers.getTimeLimiterRegistry().find("payment-service").orElseThrow();
        assertThat(paymentTimeLimit.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(UPSTREAM_TIMEOUT);
    }

    @Test
    void serverErrorAnsweredByAServicePassesThroughAndCountsAsBreakerFailure() {
        List<Type> outcomes = breakerOutcomesOf("concert-service");

        expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-500"), 500, "STUB_500");

        assertThat(outcomes).containsExactly(Type.ERROR);
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
