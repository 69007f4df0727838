package dev.ticketing.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class QueueServiceApplicationIT extends QueueServiceIntegrationTest {

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
        assertThat(prometheus()).contains("application=\"queue-service\"");
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody().reduce(String::concat).block(Duration.ofSeconds(10));
    }

    @Test
    void theQueueIsMeasured() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus()).contains(
                "ticketing_queue_joins_total{application=\"queue-service\",place=\"new\"}",
                "ticketing_queue_polls_total",
                "ticketing_queue_admitted_total{application=\"queue-service\",concert=\"" + concert + "\"} 1.0",
                "ticketing_queue_active{application=\"queue-service\",concert=\"" + concert + "\"} 1.0",
                "ticketing_queue_waiting{application=\"queue-service\",concert=\"" + concert + "\"} 0.0",
                "ticketing_queue_abandoned_total{application=\"queue-service\",concert=\"" + concert + "\"}",
                "ticketing_queue_expired_total{application=\"queue-service\",reason=\"PAID\"}",
                "ticketing_queue_admission_cycle_seconds_count",
                "ticketing_outbox_published_total{application=\"queue-service\",store=\"redis\",topic=\"queue.events\"}",
                "ticketing_outbox_backlog{application=\"queue-service\",store=\"redis\"}"));
        assertThat(holder.answer().status()).isEqualTo("ACTIVE");
    }

    @Test
    void openApiDocumentIsServed() {
        // springdoc builds the document on the first request: on a busy machine that alone can pass the 5 s default.
        http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange()
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
}
