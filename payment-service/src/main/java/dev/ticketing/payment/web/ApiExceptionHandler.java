package dev.ticketing.payment.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.identity.MalformedIdentity;
import dev.ticketing.identity.MissingIdentity;
import dev.ticketing.payment.balance.domain.BalanceRuleViolation;
import dev.ticketing.payment.idempotency.application.LockConflicts;
import dev.ticketing.payment.idempotency.domain.IdempotencyKeyReused;
import dev.ticketing.payment.idempotency.domain.InvalidIdempotencyKey;
import dev.ticketing.payment.payments.application.PaymentNotFound;
import dev.ticketing.payment.payments.application.PaymentOutOfTime;
import dev.ticketing.payment.payments.application.ReservationServiceBusy;
import dev.ticketing.payment.payments.application.ReservationServiceUnavailable;
import dev.ticketing.payment.payments.domain.PaymentRejected;
import dev.ticketing.web.MvcProblemHandling;
import dev.ticketing.web.Problems;
import dev.ticketing.web.load.ShedRequests;

/**
 * The one place that turns failures into application/problem+json with a {@code code}: this service's domain
 * exceptions here; Spring's own web exceptions and anything unexpected (a generic 500, cause logged, never sent)
 * in the shared {@link MvcProblemHandling}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends MvcProblemHandling {

    /** Seconds a client is told to wait before it tries again after a 503. */
    private static final String RETRY_AFTER = "1";

    private final Counter shed;

    ApiExceptionHandler(MeterRegistry meters) {
        this.shed = meters.counter(ShedRequests.SHED_METER);
    }

    @ExceptionHandler(MissingIdentity.class)
    ResponseEntity<ProblemDetail> handleMissingIdentity(MissingIdentity e) {
        return respond(Problems.problem(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", e.getMessage()));
    }

    @ExceptionHandler(MalformedIdentity.class)
    ResponseEntity<ProblemDetail> handleMalformedIdentity(MalformedIdentity e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The " + e.header() + " header must be a UUID."));
    }

    @ExceptionHandler({InvalidIdempotencyKey.class, BalanceRuleViolation.class})
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
        HttpStatus status = switch (e.reason()) {
            case RESERVATION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case WRONG_CONCERT -> HttpStatus.FORBIDDEN;
            case ALREADY_PAID, HOLD_EXPIRED, INSUFFICIENT_BALANCE -> HttpStatus.CONFLICT;
        };
        return respond(Problems.problem(status, e.reason().name(), e.getMessage()));
    }

    @ExceptionHandler(PaymentNotFound.class)
    ResponseEntity<ProblemDetail> handlePaymentNotFound(PaymentNotFound e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", e.getMessage()));
    }

    /** The cause (host, timeout) is logged where it happened; the client only learns to retry later. */
    @ExceptionHandler(ReservationServiceUnavailable.class)
    ResponseEntity<ProblemDetail> handleReservationServiceUnavailable(ReservationServiceUnavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "Payments are unavailable for a moment; nothing was charged. Please try again."));
    }

    /**
     * reservation-service shed the call or its circuit is open (nothing was asked or done, at once), or the payment
     * had too little of its time budget left for its next step: the payment is shed as an overloaded service sheds
     * (marked, so the gateway does not count it as this service failing), nothing charged.
     */
    @ExceptionHandler({ReservationServiceBusy.class, PaymentOutOfTime.class})
    ResponseEntity<ProblemDetail> handleBusy(RuntimeException e) {
        shed.increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .header(ShedRequests.SHED_HEADER, "1")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY",
                        "Payments are busy; nothing was charged. Please retry after " + RETRY_AFTER + " s."));
    }

    /** Rolled back each time, so nothing changed; busy, not broken: the client may retry at once. */
    @ExceptionHandler(LockConflicts.LockContended.class)
    ResponseEntity<ProblemDetail> handleLockContended(LockConflicts.LockContended e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "Too many changes to this balance at once; nothing was changed. Please try again."));
    }
}
