package dev.ticketing.queue.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import dev.ticketing.queue.waiting.application.ConcertNotFound;
import dev.ticketing.queue.waiting.application.DependencyUnavailable;
import dev.ticketing.queue.waiting.application.QueueUnavailable;
import dev.ticketing.queue.waiting.application.TokenRejected;
import dev.ticketing.web.Problems;
import dev.ticketing.web.WebFluxProblemHandling;
import dev.ticketing.web.load.ShedRequests;
import dev.ticketing.web.logging.RepeatedFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The one place that turns failures into application/problem+json with a {@code code}: this service's domain
 * exceptions here; Spring's own web exceptions, admin key refusals and anything unexpected (a generic 500, cause logged, never sent)
 * in the shared {@link WebFluxProblemHandling}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends WebFluxProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Counter shed;

    /** An outage fails every request alike: one line per dependency every 10 s, with the count of those not logged. */
    private final RepeatedFailures repeated = new RepeatedFailures();

    ApiExceptionHandler(MeterRegistry meters) {
        this.shed = meters.counter(ShedRequests.SHED_METER);
    }

    @ExceptionHandler(ConcertNotFound.class)
    Mono<ResponseEntity<ProblemDetail>> handleConcertNotFound(ConcertNotFound e) {
        return Mono.just(respond(Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND", e.getMessage())));
    }

    @ExceptionHandler(TokenRejected.class)
    Mono<ResponseEntity<ProblemDetail>> handleTokenRejected(TokenRejected e) {
        String code = e.kind() == TokenRejected.Kind.EXPIRED ? "TOKEN_EXPIRED" : "TOKEN_INVALID";
        return Mono.just(respond(Problems.problem(HttpStatus.UNAUTHORIZED, code, e.getMessage())));
    }

    @ExceptionHandler(InvalidRequest.class)
    Mono<ResponseEntity<ProblemDetail>> handleInvalidRequest(InvalidRequest e) {
        return Mono.just(respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage())));
    }

    /**
     * Redis or concert-service did not answer: nothing changed, the client may retry shortly.
     *
     * <p>Without Redis this service cannot serve anything: 503 SERVICE_UNAVAILABLE, which the gateway's breaker
     * counts. A join whose concert concert-service could not confirm (slow, failing, or its breaker here open) is
     * shed instead, SERVICE_BUSY and marked as common-web marks a shed: this service is healthy, and counting that
     * answer against it let one slow lookup at an on-sale's first second open the gateway's breaker to
     * queue-service, refusing every poll and join for ten seconds (1,512 in one run).
     */
    @ExceptionHandler(DependencyUnavailable.class)
    Mono<ResponseEntity<ProblemDetail>> handleDependencyUnavailable(DependencyUnavailable e,
            ServerWebExchange exchange) {
        repeated.toLog(e.dependency()).ifPresent(unlogged -> log.warn(
                "request_failed {} dependency={} cause=\"{}\" unlogged={}", describe(exchange), e.dependency(),
                String.valueOf(e.getCause()), unlogged));
        if (e instanceof QueueUnavailable) {
            ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "The queue cannot serve this request right now; try again shortly.");
            return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem));
        }
        shed.increment();
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY",
                "The queue could not confirm this concert right now and did nothing with this request. Please retry"
                        + " after " + RETRY_AFTER_SECONDS + " s.");
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(ShedRequests.SHED_HEADER, "1").body(problem));
    }
}
