package dev.ticketing.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's Prometheus scrape shows for one service it calls through a client built from Boot's builder: the
 * calls in {@code http_client_requests} under {@code client_name}, beside the circuit breaker and the time limiter
 * that guard them, named after the same service.
 */
public final class CalledServiceMetrics {

    private CalledServiceMetrics() {
    }

    public static void assertMeasuredBesideItsBreakerAndTimeLimiter(String scrape, String calledService) {
        String name = "name=\"" + calledService + "\"";
        assertThat(scrape).containsPattern("http_client_requests_seconds_count\\{[^}]*client_name=\"" + calledService + "\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*" + name)
                .containsPattern("resilience4j_timelimiter_calls_total\\{[^}]*" + name);
    }
}
