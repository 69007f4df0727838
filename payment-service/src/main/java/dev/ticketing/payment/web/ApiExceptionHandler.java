package dev.ticketing.payment.web;

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

import dev.ticketing.payment.balance.domain.BalanceRuleViolation;
import dev.ticketing.payment.idempotency.domain.IdempotencyKeyReused;
import dev.ticketing.payment.idempotency.domain.InvalidIdempotencyKey;
import dev.ticketing.payment.payments.application.PaymentNotFound;
import dev.ticketing.payment.payments.application.ReservationServiceUnavailable;
import dev.ticketing.payment.payments.domain.PaymentRejected;

/**
 * The one place that turns failures into application/problem+json with a {@code code}. Spring's own web
 * exceptions (404, 405, unreadable bodies, validation) come through {@link ResponseEntityExceptionHandler};
 * anything unexpected becomes a generic 500 whose cause is logged, never sent.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MissingIdentity.class)
    ResponseEntity<ProblemDetail> handleMissingIdentity(MissingIdentity e) {
        return respond(Problems.problem(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", e.getMessage()));
    }

    @ExceptionHandler({MalformedHeader.class, InvalidIdempotencyKey.class, BalanceRuleViolation.class})
    ResponseEntity<ProblemDetail> handleInvalidRequest(RuntimeException e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage()));
    }

    /** 422 as in the IETF Idempotency-Key draft: the request is well-formed, but the key belongs to another one. */
    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> handleIdempotencyKeyReused(IdempotencyKeyReused e) {
        return respond(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", e.getMessage()));
    }

    @ExceptionHandler(PaymentRejected.class)
    ResponseEntity<ProblemDetail> handlePaymentRejected(PaymentRejected e) {
        HttpStatus status = e.reason() == PaymentRejected.Reason.RESERVATION_NOT_FOUND
                ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return respond(Problems.problem(status, e.reason().name(), e.getMessage()));
    }

    @ExceptionHandler(PaymentNotFound.class)
    ResponseEntity<ProblemDetail> handlePaymentNotFound(PaymentNotFound e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", e.getMessage()));
    }

    /** The cause (host, timeout, circuit) is logged where it happened; the client only learns to retry later. */
    @ExceptionHandler(ReservationServiceUnavailable.class)
    ResponseEntity<ProblemDetail> handleReservationServiceUnavailable(ReservationServiceUnavailable e) {
        return respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "Payments are unavailable for a moment; nothing was charged. Please try again."));
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
