package dev.ticketing.reservation.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import dev.ticketing.identity.MalformedIdentity;
import dev.ticketing.identity.MissingIdentity;
import dev.ticketing.reservation.hold.application.CatalogUnavailable;
import dev.ticketing.reservation.hold.application.ConcertNotFound;
import dev.ticketing.reservation.hold.application.DateNotFound;
import dev.ticketing.reservation.hold.application.HoldContended;
import dev.ticketing.reservation.hold.application.ReservationNotFound;
import dev.ticketing.reservation.hold.application.WrongConcert;
import dev.ticketing.reservation.hold.domain.DateNotOpen;
import dev.ticketing.reservation.hold.domain.HoldLimitReached;
import dev.ticketing.reservation.hold.domain.SeatUnavailable;
import dev.ticketing.web.MvcProblemHandling;

/**
 * The one place that turns failures into application/problem+json with a {@code code}: this service's refusals
 * here (their problems in {@link RefusalProblems}); Spring's own web exceptions and anything unexpected (a generic
 * 500, cause logged, never sent) in the shared {@link MvcProblemHandling}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends MvcProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The service's own refusals: expected outcomes, logged at debug only. */
    @ExceptionHandler({MissingIdentity.class, MalformedIdentity.class, WrongConcert.class, ConcertNotFound.class,
            DateNotFound.class, DateNotOpen.class, SeatUnavailable.class, HoldLimitReached.class,
            ReservationNotFound.class, CatalogUnavailable.class, HoldContended.class})
    ResponseEntity<ProblemDetail> handleRefusal(RuntimeException refusal, WebRequest request) {
        log.debug("request_refused {} reason=\"{}\"", describe(request), refusal.getMessage());
        return respond(RefusalProblems.of(refusal));
    }
}
