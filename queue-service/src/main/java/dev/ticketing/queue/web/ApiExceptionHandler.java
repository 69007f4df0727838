package dev.ticketing.queue.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import dev.ticketing.queue.waiting.application.ConcertNotFoundException;
import dev.ticketing.queue.waiting.application.DependencyUnavailableException;
import dev.ticketing.queue.waiting.application.TokenRejectedException;
import reactor.core.publisher.Mono;

/**
 * The one place that turns failures into application/problem+json with a {@code code}. Spring's own web
 * exceptions (404, 405, unreadable bodies, validation) come through {@link ResponseEntityExceptionHandler};
 * anything unexpected becomes a generic 500 whose cause is logged, never sent.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ConcertNotFoundException.class)
    Mono<ResponseEntity<ProblemDetail>> handleConcertNotFound(ConcertNotFoundException e) {
        return Mono.just(respond(Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND", e.getMessage())));
    }

    @ExceptionHandler(TokenRejectedException.class)
    Mono<ResponseEntity<ProblemDetail>> handleTokenRejected(TokenRejectedException e) {
        String code = e.kind() == TokenRejectedException.Kind.EXPIRED ? "TOKEN_EXPIRED" : "TOKEN_INVALID";
        return Mono.just(respond(Problems.problem(HttpStatus.UNAUTHORIZED, code, e.getMessage())));
    }

    @ExceptionHandler(InvalidRequestException.class)
    Mono<ResponseEntity<ProblemDetail>> handleInvalidRequest(InvalidRequestException e) {
        return Mono.just(respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage())));
    }

    /** Redis or concert-service did not answer: nothing changed, the client may retry shortly. */
    @ExceptionHandler(DependencyUnavailableException.class)
    Mono<ResponseEntity<ProblemDetail>> handleDependencyUnavailable(DependencyUnavailableException e,
            ServerWebExchange exchange) {
        log.warn("request_failed {} dependency={} cause=\"{}\"", describe(exchange), e.dependency(),
                String.valueOf(e.getCause()));
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The queue cannot serve this request right now; try again shortly.");
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1").body(problem));
    }

    @ExceptionHandler(AdminAccessDenied.class)
    Mono<ResponseEntity<ProblemDetail>> handleAdminAccessDenied(AdminAccessDenied e, ServerWebExchange exchange) {
        log.warn("admin_request_refused reason={} {}", e.verdict(), describe(exchange));
        ProblemDetail problem = switch (e.verdict()) {
            case MISSING -> Problems.problem(HttpStatus.UNAUTHORIZED, "ADMIN_KEY_MISSING",
                    "The admin API needs the X-Admin-Key header.");
            case WRONG -> Problems.problem(HttpStatus.FORBIDDEN, "ADMIN_KEY_INVALID", "The X-Admin-Key is not valid.");
            case API_DISABLED, ACCEPTED -> Problems.problem(HttpStatus.FORBIDDEN, "ADMIN_API_DISABLED",
                    "The admin API is disabled: no admin key is configured.");
        };
        return Mono.just(respond(problem));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception e, ServerWebExchange exchange) {
        log.error("request_failed {}", describe(exchange), e);
        return Mono.just(respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "An unexpected error occurred.")));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Problems.fieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The request has invalid parameters.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Unreadable bodies and bad parameters: say where, without echoing parser internals. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        boolean body = parameter == null || parameter.hasParameterAnnotation(RequestBody.class);
        String detail = body
                ? Problems.unreadableBodyDetail(ex.getCause())
                : "The parameter '" + parameter.getParameterName() + "' is missing or has the wrong type.";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Every problem Spring builds for us leaves here: add the code, and never let a 5xx say why. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            log.error("request_failed {}", describe(exchange), ex);
            problem = Problems.problem(status, Problems.INTERNAL_ERROR, "An unexpected error occurred.");
        } else {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", Problems.codeFor(status));
            }
            if (problem.getDetail() == null) {
                problem.setDetail(Problems.defaultDetail(status));
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String describe(ServerWebExchange exchange) {
        return "method=" + exchange.getRequest().getMethod() + " path=" + exchange.getRequest().getPath().value();
    }
}
