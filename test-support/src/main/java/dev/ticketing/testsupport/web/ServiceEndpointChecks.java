package dev.ticketing.testsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.web.StoreFactsController;
import tools.jackson.databind.JsonNode;

/**
 * What every service answers the same way: its actuator, its OpenAPI document, its audit facts and problem+json for
 * paths and methods it does not serve. A service's {@code *ApplicationIT} implements this interface, saying in
 * {@link #checkedService()} where it listens and which of its paths to try, and inherits these tests; it keeps only
 * the checks of its own.
 */
public interface ServiceEndpointChecks {

    /**
     * @param port               where the service under test listens ({@code @LocalServerPort})
     * @param application        its {@code spring.application.name}, the {@code application} tag of its metrics
     * @param store              the readiness component of its store: {@code db} or {@code redis}
     * @param unknownPath        a path the service does not serve
     * @param wrongMethodPath    a path served for GET or POST, but not for DELETE
     */
    record CheckedService(int port, String application, String store, String unknownPath, String wrongMethodPath) {
    }

    CheckedService checkedService();

    private Http http() {
        return new Http(checkedService().port());
    }

    @Test
    default void livenessIsUp() {
        Http.Answer answer = http().send("GET", "/actuator/health/liveness", Map.of(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/status").asString()).isEqualTo("UP");
    }

    @Test
    default void readinessIsUpAndIncludesTheStore() {
        Http.Answer answer = http().send("GET", "/actuator/health/readiness", Map.of(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/status").asString()).isEqualTo("UP");
        assertThat(answer.json().at("/components/" + checkedService().store() + "/status").asString()).isEqualTo("UP");
    }

    @Test
    default void prometheusMetricsCarryTheApplicationTag() {
        assertThat(prometheus()).contains("application=\"" + checkedService().application() + "\"");
    }

    @Test
    default void openApiDocumentIsServed() {
        JsonNode document = openApiDocument();

        assertThat(document.at("/openapi").isMissingNode()).isFalse();
        assertThat(document.at("/info").isMissingNode()).isFalse();
    }

    @Test
    default void unknownPathIsNotFoundProblem() {
        JsonNode problem = http().send("GET", checkedService().unknownPath(), Map.of(), null).problem(404);

        assertThat(problem.at("/status").asInt()).isEqualTo(404);
        assertThat(problem.at("/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem.at("/title").asString()).isEqualTo("Not Found");
        assertThat(problem.at("/detail").asString()).isEqualTo("Nothing exists at this path.");
    }

    @Test
    default void wrongMethodIsMethodNotAllowedProblem() {
        JsonNode problem = http().send("DELETE", checkedService().wrongMethodPath(), Map.of(), null).problem(405);

        assertThat(problem.at("/code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(problem.at("/detail").asString()).isNotBlank();
    }

    /** concert-service's audit reads every service's facts from here (service to service). */
    @Test
    default void auditFactsAreServed() {
        Http.Answer answer = http().send("GET", StoreFactsController.PATH, Map.of(), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().isObject()).isTrue();
        assertThat(answer.json().size()).isPositive();
    }

    /** For the service's own checks: the text of {@code /actuator/prometheus}. */
    default String prometheus() {
        Http.Answer answer = http().send("GET", "/actuator/prometheus", Map.of(), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** For the service's own checks: the OpenAPI document, to look for its paths. */
    default JsonNode openApiDocument() {
        Http.Answer answer = http().send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** For services with a JSON endpoint to try: a body that is not JSON is 400 INVALID_REQUEST, said plainly. */
    default void assertMalformedJsonIsInvalidRequest(String path, Map<String, String> headers, String body) {
        JsonNode problem = http().send("POST", path, headers, body).problem(400);

        assertThat(problem.at("/code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.at("/detail").asString()).isEqualTo("The request body is not valid JSON.");
    }
}
