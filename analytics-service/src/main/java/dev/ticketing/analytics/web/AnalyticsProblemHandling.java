package dev.ticketing.analytics.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ticketing.analytics.query.FiguresNotReady;
import dev.ticketing.web.MvcProblemHandling;
import dev.ticketing.web.Problems;

/** analytics-service's problem+json answers. */
@RestControllerAdvice
class AnalyticsProblemHandling extends MvcProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsProblemHandling.class);

    /** Rebuilding or rebalancing: nothing is wrong with the request, and it may be sent again in a moment. */
    @ExceptionHandler(FiguresNotReady.class)
    ResponseEntity<ProblemDetail> notReady(FiguresNotReady e) {
        log.warn("figures_not_ready reason=\"{}\"", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "FIGURES_NOT_READY",
                        "The figures are being rebuilt or moved between instances. Please retry shortly."));
    }

    @ExceptionHandler(AnalyticsController.NoFigures.class)
    ResponseEntity<ProblemDetail> noFigures(AnalyticsController.NoFigures e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(AnalyticsController.InvalidMinutes.class)
    ResponseEntity<ProblemDetail> invalidMinutes(AnalyticsController.InvalidMinutes e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage()));
    }
}
