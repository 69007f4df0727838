package dev.ticketing.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.ticketing.testsupport.web.ServiceEndpointChecks;

class QueueServiceApplicationIT extends QueueServiceIntegrationTest implements ServiceEndpointChecks {

    @LocalServerPort
    int port;

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
    void malformedJsonIsInvalidRequestProblem() {
        assertMalformedJsonIsInvalidRequest(ProbeController.PATH, Map.of(), "{\"count\": ");
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

    @Override
    public CheckedService checkedService() {
        return new CheckedService(port, "queue-service", "redis", "/api/v1/queue/nothing/here", ProbeController.PATH);
    }
}
