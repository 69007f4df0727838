package dev.ticketing.gateway;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayInFrontOfStubs {

    @LocalServerPort
    int gatewayPort;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/queue/tokens/me,          queue-service",
            "/api/v1/concerts,                 concert-service",
            "/api/v1/concerts/{concert}/dates, concert-service",
            "/api/v1/admin/concerts,           concert-service",
            "/api/v1/admin/analytics/concerts, analytics-service",
            "/api/v1/admin/analytics/concerts/{concert}, analytics-service",
            "/api/v1/reservations,             reservation-service",
            "/api/v1/reservations/r-1,         reservation-service",
            "/api/v1/balance,                  payment-service",
            "/api/v1/balance/charges,          payment-service",
            "/api/v1/payments,                 payment-service",
            "/api/v1/payments/p-1?expand=true, payment-service"})
    void eachPathPrefixReachesItsServiceWithThePathUnchanged(String template, String service) {
        String path = template.replace("{concert}", CONCERT);
        getWithActiveToken(path).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path);
    }

    @Test
    void requestMethodAndBodyReachTheService() {
        client.post().uri("/api/v1/reservations")
                .header(HttpHeaders.AUTHORIZATION, activeBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"seatNumber\":7}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.body").isEqualTo("{\"seatNumber\":7}");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409})
    void clientErrorsAnsweredByAServicePassThroughUnchanged(int status) {
        expectProblem(getWithActiveToken("/api/v1/concerts/c-1/answer-" + status), status, "STUB_" + status)
                .jsonPath("$.detail").isEqualTo("concert-service answered " + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/unknown", "/api/v1/concertsX", "/api/v2/concerts", "/app/unknown.js", "/queue/tokens"})
    void unknownPathIsNotFoundProblem(String path) {
        expectProblem(client.get().uri(path), 404, "NOT_FOUND");
    }

    @Test
    void otherErrorsOfTheGatewayItselfAreProblemsToo() {
        client.delete().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "GET")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void identityHeadersSentByClientsNeverReachTheServiceOnPublicRoutes() {
        client.get().uri("/api/v1/concerts")
                .header("X-User-Id", "someone-else")
                .header("X-Concert-Id", "another-concert")
                .header("X-Token-Id", "another-token")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("concert-service")
                .jsonPath("$.userId").doesNotExist()
                .jsonPath("$.concertId").doesNotExist()
                .jsonPath("$.tokenId").doesNotExist();
    }

    /** The service's spans join the gateway's trace (the one the client's traceparent started, here). */
    @Test
    void aProxiedRequestCarriesOnTheTraceOfTheGatewaysSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00-" + traceId + "-00f067aa0ba902b7-01";
        client.get().uri("/api/v1/concerts").header("traceparent", clientSpan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.traceparent").value(allOf(startsWith("00-" + traceId + "-"), not(clientSpan)));
    }

    @ParameterizedTest
    @CsvSource({"queue, queue-service", "concert, concert-service", "reservation, reservation-service",
            "payment, payment-service", "analytics, analytics-service"})
    void eachServicesApiDocsAreServedUnderItsName(String document, String service) {
        client.get().uri("/v3/api-docs/" + document).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo("/v3/api-docs")
                // The gateway's own host, so the service's document names the gateway as its server.
                .jsonPath("$.host").isEqualTo("localhost:" + gatewayPort);
    }
}
