package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerErrorException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

class WebFluxProblemHandlingTest {

    static final String SECRET = "redis password is hunter2";

    static class ConcertUnknown extends RuntimeException {
    }

    record JoinRequest(@NotBlank String userId, @NotBlank String concertId) {
    }

    @RestController
    static class QueueController {

        @PostMapping("/tokens")
        Mono<String> join(@Valid @RequestBody JoinRequest request) {
            return switch (request.concertId()) {
                case "unknown" -> Mono.error(new ConcertUnknown());
                case "broken" -> Mono.error(new IllegalStateException(SECRET));
                default -> Mono.just("joined");
            };
        }

        @GetMapping("/positions/{position}")
        Mono<String> position(@PathVariable int position) {
            return Mono.just("position " + position);
        }
    }

    /** Stands for a WebFlux service's one advice: its own domain exceptions on top of the shared handling. */
    @RestControllerAdvice
    static class QueueAdvice extends WebFluxProblemHandling {

        @ExceptionHandler(ConcertUnknown.class)
        Mono<ResponseEntity<ProblemDetail>> handleConcertUnknown(ConcertUnknown e) {
            return Mono.just(respond(Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND", "No such concert.")));
        }
    }

    private final WebTestClient client = WebTestClient.bindToController(new QueueController())
            .controllerAdvice(new QueueAdvice())
            .build();

    @Test
    void malformedJsonIsAnInvalidRequest() {
        join("{\"userId\": ").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void invalidFieldsAreAnInvalidRequestNamingEachField() {
        join("{\"userId\": \"\", \"concertId\": \" \"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("userId", "concertId"));
    }

    @Test
    void aPathParameterOfTheWrongTypeIsNamed() {
        client.get().uri("/positions/first").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isEqualTo("The parameter 'position' is missing or has the wrong type.");
    }

    @Test
    void theServicesOwnMappingWinsOverTheGenericOne() {
        join("{\"userId\": \"u-1\", \"concertId\": \"unknown\"}").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CONCERT_NOT_FOUND");
    }

    @Test
    void anUnexpectedFailureIsAGenericInternalErrorWithoutItsCause() {
        String body = join("{\"userId\": \"u-1\", \"concertId\": \"broken\"}")
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("hunter2");
    }

    @Test
    void aServerSideFailureInsideSpringIsJustAsGeneric() throws Exception {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/tokens"));

        ResponseEntity<Object> response = new QueueAdvice()
                .handleException(new ServerErrorException(SECRET, (Throwable) null), exchange).block();

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(problem.toString()).doesNotContain("hunter2");
    }

    private WebTestClient.ResponseSpec join(String body) {
        return client.post().uri("/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
