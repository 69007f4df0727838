package dev.ticketing.reservation.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import dev.ticketing.web.Problems;
import dev.ticketing.web.load.ShedRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one place that turns failures into application/problem+json with a {@code code}: this service's refusals
 * here (their problems in {@link RefusalProblems}); Spring's own web exceptions and anything unexpected (a generic
 * 500, cause logged, never sent) in the shared {@link MvcProblemHandling}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends MvcProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Counter shed;

    ApiExceptionHandler(MeterRegistry meters) {
        this.shed = meters.counter(ShedRequests.SHED_METER);
    }

    /** The service's own refusals: expected outcomes, logged at debug only. */
    @ExceptionHandler({MissingIdentity.class, MalformedIdentity.class, WrongConcert.class, ConcertNotFound.class,
            DateNotFound.class, DateNotOpen.class, SeatUnavailable.class, HoldLimitReached.class,
            ReservationNotFound.class, HoldContended.class})
    ResponseEntity<ProblemDetail> handleRefusal(RuntimeException refusal, WebRequest request) {
        log.debug("request_refused {} reason=\"{}\"", describe(request), refusal.getMessage());
        return respond(RefusalProblems.of(refusal));
    }

    /**
     * concert-service could not be asked about the date in time (cause logged where the call failed): shed, as the
     * in-flight limit sheds, nothing held. This service is healthy; a hold answered SERVICE_UNAVAILABLE counted
     * against it in the gateway's breaker, and on a freshly started stack one slow first lookup failed every hold
     * waiting on it (88 in one on-sale run).
     */
    @ExceptionHandler(CatalogUnavailable.class)
    ResponseEntity<ProblemDetail> handleCatalogUnavailable(CatalogUnavailable e) {
        shed.increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(ShedRequests.SHED_HEADER, "1")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY", "The concert's catalog could"
                        + " not be checked right now and nothing was held. Please retry after " + RETRY_AFTER_SECONDS
                        + " s."));
    }
}
