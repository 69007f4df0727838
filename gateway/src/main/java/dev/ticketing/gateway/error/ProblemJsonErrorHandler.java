package dev.ticketing.gateway.error;

import java.net.URI;
import java.util.List;

import dev.ticketing.gateway.upstream.OutcomeUnknown;
import dev.ticketing.gateway.upstream.ServiceUnavailable;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every error the gateway itself produces (a refused token or join, no route, service unavailable, the
 * outcome of a POST unknown, bad request line, anything unexpected) as RFC 9457 problem+json with a {@code code},
 * never with a stack trace. Answers that come from a service are not errors here: they pass through untouched.
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which would answer application/json
class ProblemJsonErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);
    static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private final ServerResponse.Context context;

    ProblemJsonErrorHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(exchange.getRequest(), error);
        // Headers a service may already have sent (a timeout can strike after them) must not mix with ours.
        exchange.getResponse().getHeaders().clear();
        return ServerResponse.status(problem.getStatus())
                .headers(headers -> headers.addAll(headersOf(error)))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** Headers that belong to the error, such as Allow for 405 or Retry-After for 429 and 503. */
    private static HttpHeaders headersOf(Throwable error) {
        if (error instanceof RejectedRequest rejected) {
            return rejected.headers();
        }
        if (error instanceof ServiceUnavailable unavailable) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
            return headers;
        }
        return error instanceof ErrorResponse known ? known.getHeaders() : HttpHeaders.EMPTY;
    }

    private static ProblemDetail problemFor(ServerHttpRequest request, Throwable error) {
        String path = request.getPath().value();
        if (error instanceof RejectedRequest rejected) {
            ProblemDetail problem = problem(rejected.status(), rejected.getMessage(), path);
            problem.setProperty("code", rejected.code());
            return problem;
        }
        if (error instanceof ServiceUnavailable unavailable) {
            logUnavailable(request, unavailable);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, unavailable.service() + " is unavailable, try again shortly",
                    path);
        }
        if (error instanceof OutcomeUnknown unknown) {
            logOutcomeUnknown(request, unknown);
            // No Retry-After: a blind retry is exactly what could apply the request twice.
            ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, unknown.service()
                    + " did not answer, so the outcome is unknown: the request may have been applied. "
                    + OutcomeChecks.forPath(path), path);
            problem.setProperty("code", OUTCOME_UNKNOWN);
            return problem;
        }
        if (error instanceof ErrorResponse known) {
            HttpStatusCode status = known.getStatusCode();
            return problem(status, detailFor(request, status, known), path);
        }
        log.error("gateway_error method={} path={}", request.getMethod(), path, error);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle the request", path);
    }

    private static String detailFor(ServerHttpRequest request, HttpStatusCode status, ErrorResponse known) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "No API at " + request.getMethod() + " " + request.getPath().value();
        }
        String detail = known.getBody().getDetail();
        // Client errors explain themselves (e.g. the allowed methods); server errors stay vague on purpose.
        return status.is4xxClientError() && detail != null ? detail : "The gateway could not handle the request";
    }

    private static ProblemDetail problem(HttpStatusCode status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setInstance(instanceOf(path));
        problem.setProperty("code", codeFor(status, known));
        return problem;
    }

    private static URI instanceOf(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null; // a path the URI grammar rejects still gets its problem answer, just without instance
        }
    }

    /** The contract's name for a bad request is INVALID_REQUEST; every other code is the status name. */
    private static String codeFor(HttpStatusCode status, HttpStatus known) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return "INVALID_REQUEST";
        }
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    private static void logUnavailable(ServerHttpRequest request, ServiceUnavailable unavailable) {
        Throwable cause = unavailable.getCause();
        if (cause instanceof CallNotPermittedException) {
            // The breaker is open: the failures that opened it were logged already, do not flood the log.
            log.debug("service_unavailable service={} reason=circuit_open path={}", unavailable.service(),
                    request.getPath().value());
            return;
        }
        // The cause's class and message say enough (refused, timed out); a stack trace would only add noise.
        log.warn("service_unavailable service={} method={} path={} cause=\"{}\"", unavailable.service(),
                request.getMethod(), request.getPath().value(), String.valueOf(cause));
    }

    private static void logOutcomeUnknown(ServerHttpRequest request, OutcomeUnknown unknown) {
        log.warn("outcome_unknown service={} method={} path={} cause=\"{}\"", unknown.service(), request.getMethod(),
                request.getPath().value(), String.valueOf(unknown.getCause()));
    }
}
