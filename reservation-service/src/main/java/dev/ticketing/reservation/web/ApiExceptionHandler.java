package dev.ticketing.reservation.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ticketing.reservation.hold.adapter.web.MalformedIdentity;
import dev.ticketing.reservation.hold.adapter.web.MissingIdentity;
import dev.ticketing.reservation.hold.application.CatalogUnavailable;
import dev.ticketing.reservation.hold.application.ConcertNotFound;
import dev.ticketing.reservation.hold.application.DateNotFound;
import dev.ticketing.reservation.hold.application.HoldContended;
import dev.ticketing.reservation.hold.application.ReservationNotFound;
import dev.ticketing.reservation.hold.application.WrongConcert;
import dev.ticketing.reservation.hold.domain.DateNotOpen;
import dev.ticketing.reservation.hold.domain.HoldLimitReached;
import dev.ticketing.reservation.hold.domain.SeatUnavailable;

/**
 * The one place that turns failures into application/problem+json with a {@code code}. Spring's own web
 * exceptions (404, 405, unreadable bodies, validation) come through {@link ResponseEntityExceptionHandler};
 * anything unexpected becomes a generic 500 whose cause is logged, never sent.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The service's own refusals: expected outcomes, logged at debug only. */
    @ExceptionHandler({MissingIdentity.class, MalformedIdentity.class, WrongConcert.class, ConcertNotFound.class,
            DateNotFound.class, DateNotOpen.class, SeatUnavailable.class, HoldLimitReached.class,
            ReservationNotFound.class, CatalogUnavailable.class, HoldContended.class})
    ResponseEntity<ProblemDetail> handleRefusal(RuntimeException refusal, WebRequest request) {
        log.debug("request_refused {} reason=\"{}\"", describe(request), refusal.getMessage());
        return respond(RefusalProblems.of(refusal));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, WebRequest request) {
        log.error("request_failed {}", describe(request), e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "An unexpected error occurred."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.problem(status, Problems.INVALID_REQUEST, "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Problems.fieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The request has invalid parameters.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(status, Problems.INVALID_REQUEST,
                Problems.unreadableBodyDetail(ex.getCause()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Every problem Spring builds for us leaves here: add the code, and never let a 5xx say why. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            log.error("request_failed {}", describe(request), ex);
            problem = Problems.problem(status, Problems.INTERNAL_ERROR, "An unexpected error occurred.");
        } else {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", Problems.codeFor(status));
            }
            if (problem.getDetail() == null) {
                problem.setDetail(Problems.defaultDetail(status));
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return "method=" + servlet.getRequest().getMethod() + " path=" + servlet.getRequest().getRequestURI();
        }
        return "request=" + request.getDescription(false);
    }
}
