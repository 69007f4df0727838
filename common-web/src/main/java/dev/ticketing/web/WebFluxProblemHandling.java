package dev.ticketing.web;

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
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import dev.ticketing.web.admin.AdminAccessDenied;
import reactor.core.publisher.Mono;

/**
 * The WebFlux twin of {@link MvcProblemHandling}: Spring's own web exceptions leave as problem+json with a
 * {@code code}, anything unexpected as a generic 500 whose cause is logged, never sent. Each WebFlux service's
 * one {@code @RestControllerAdvice} extends it and adds the mapping of its own domain exceptions.
 */
public abstract class WebFluxProblemHandling extends ResponseEntityExceptionHandler {

    /** Named after the service's advice, so its log lines read as they did before this class existed. */
    private final Logger log = LoggerFactory.getLogger(getClass());

    @ExceptionHandler(AdminAccessDenied.class)
    public Mono<ResponseEntity<ProblemDetail>> handleAdminAccessDenied(AdminAccessDenied e, ServerWebExchange exchange) {
        log.warn("admin_request_refused reason={} {}", e.verdict(), describe(exchange));
        return Mono.just(respond(e.problem()));
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception e, ServerWebExchange exchange) {
        log.error("request_failed {}", describe(exchange), e);
        return Mono.just(respond(Problems.unexpected()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return handleExceptionInternal(ex, InvalidRequests.invalidFields(ex.getBindingResult()), headers,
                HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return handleExceptionInternal(ex, InvalidRequests.invalidParameters(ex), headers, HttpStatus.BAD_REQUEST,
                exchange);
    }

    /** Unreadable bodies and bad parameters: say where, without echoing parser internals. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        boolean body = parameter == null || parameter.hasParameterAnnotation(RequestBody.class);
        ProblemDetail problem = body
                ? InvalidRequests.unreadableBody(ex.getCause())
                : Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                        "The parameter '" + parameter.getParameterName() + "' is missing or has the wrong type.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Every problem Spring builds for us leaves here: add the code, and never let a 5xx say why. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.is5xxServerError()) {
            log.error("request_failed {}", describe(exchange), ex);
        }
        return super.handleExceptionInternal(ex, Problems.forClient(body, status), headers, status, exchange);
    }

    protected static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    protected static String describe(ServerWebExchange exchange) {
        return "method=" + exchange.getRequest().getMethod() + " path=" + exchange.getRequest().getPath().value();
    }
}
