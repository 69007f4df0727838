package dev.ticketing.reservation.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The shared {@link dev.ticketing.web.Problems} under its old local name, so {@link RefusalProblems} builds its
 * problems the same way without changing. Goes away once RefusalProblems imports the shared class itself.
 */
final class Problems {

    static final String INVALID_REQUEST = dev.ticketing.web.Problems.INVALID_REQUEST;

    private Problems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        return dev.ticketing.web.Problems.problem(status, code, detail);
    }
}
