package dev.ticketing.concert.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.concert.catalog.domain.CatalogRuleViolation;
import dev.ticketing.concert.catalog.domain.ConcertNotFound;
import dev.ticketing.concert.catalog.domain.DateNotFound;
import dev.ticketing.web.MvcProblemHandling;
import dev.ticketing.web.Problems;

/**
 * The one place that turns failures into application/problem+json with a {@code code}: this service's domain
 * exceptions here; Spring's own web exceptions, admin key refusals and anything unexpected (a generic 500, cause logged, never sent)
 * in the shared {@link MvcProblemHandling}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends MvcProblemHandling {

    @ExceptionHandler(CatalogRuleViolation.class)
    ResponseEntity<ProblemDetail> handleCatalogRuleViolation(CatalogRuleViolation e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(ConcertNotFound.class)
    ResponseEntity<ProblemDetail> handleConcertNotFound(ConcertNotFound e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(DateNotFound.class)
    ResponseEntity<ProblemDetail> handleDateNotFound(DateNotFound e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "DATE_NOT_FOUND", e.getMessage()));
    }
}
