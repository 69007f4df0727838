package dev.ticketing.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.queue.config.QueueProperties;
import dev.ticketing.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@AutoConfigureWebTestClient
@Import(QueueServiceApplicationIT.ProbeController.class)
class QueueServiceApplicationIT {

    @Autowired
    WebTestClient http;

    @Autowired
    QueueProperties properties;

    @Test
    void queueSettingsDefaultToDesignValues() {
        assertThat(properties).isEqualTo(new QueueProperties(
                Duration.ofMinutes(10), 100, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void livenessIsUp() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void readinessIsUpAndIncludesRedis() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody().reduce(String::concat).block(Duration.ofSeconds(10));

        assertThat(metrics).contains("application=\"queue-service\"");
    }

    @Test
    void openApiDocumentIsServed() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.info").exists();
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        http.get().uri("/api/v1/queue/nothing/here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("Nothing exists at this path.");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        http.delete().uri(ProbeController.PATH).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED")
                .jsonPath("$.detail").exists();
    }

    @Test
    void malformedJsonIsInvalidRequestProblem() {
        post("{\"count\": ").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void aValueOfTheWrongTypeIsInvalidRequestProblemNamingTheField() {
        post("{\"count\": \"many\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The value at 'count' is missing or has the wrong type or format.");
    }

    @Test
    void aConstraintViolationIsInvalidRequestProblemWithFieldDetails() {
        post("{\"count\": 0}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("count")
                .jsonPath("$.errors[0].message").exists();
    }

    @Test
    void anUnexpectedFailureIsAGenericInternalErrorWithoutItsCause() {
        post("{\"count\": 13}").expectStatus().isEqualTo(500)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INTERNAL_ERROR")
                .jsonPath("$.detail").isEqualTo("An unexpected error occurred.")
                .consumeWith(result -> assertThat(new String(result.getResponseBody())).doesNotContain(ProbeController.SECRET));
    }

    private WebTestClient.ResponseSpec post(String json) {
        return http.post().uri(ProbeController.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** The queue API arrives in a later issue; this endpoint exercises the error handling until then. */
    @RestController
    static class ProbeController {

        static final String PATH = "/test/probe";
        static final String SECRET = "internal-detail-that-must-not-leak";

        record Probe(@Min(1) int count) {
        }

        @PostMapping(PATH)
        Probe echo(@Valid @RequestBody Probe probe) {
            if (probe.count() == 13) {
                throw new IllegalStateException(SECRET);
            }
            return probe;
        }
    }
}
