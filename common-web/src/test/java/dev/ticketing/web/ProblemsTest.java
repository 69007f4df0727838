package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aProblemCarriesItsStatusDetailAndCode() {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "SEAT_UNAVAILABLE", "The seat is taken.");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("The seat is taken.");
        assertThat(problem.getProperties()).containsEntry("code", "SEAT_UNAVAILABLE");
    }

    @Test
    void anUnexpectedFailureSaysNothingButThatItHappened() {
        ProblemDetail problem = Problems.unexpected();

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(problem.getDetail()).isEqualTo("An unexpected error occurred.");
    }

    @Test
    void aProblemSpringBuiltGetsACodeNamedAfterItsStatus() {
        ProblemDetail spring = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "Method 'PUT' is not supported.");

        ProblemDetail problem = Problems.forClient(spring, HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(problem.getProperties()).containsEntry("code", "METHOD_NOT_ALLOWED");
        assertThat(problem.getDetail()).isEqualTo("Method 'PUT' is not supported.");
    }

    @Test
    void everyBadRequestIsAnInvalidRequest() {
        ProblemDetail problem = Problems.forClient(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), HttpStatus.BAD_REQUEST);

        assertThat(problem.getProperties()).containsEntry("code", "INVALID_REQUEST");
    }

    @Test
    void aCodeAlreadyChosenIsKept() {
        ProblemDetail ours = Problems.problem(HttpStatus.BAD_REQUEST, "SEAT_OUT_OF_RANGE", "Seats are 1-50.");

        assertThat(Problems.forClient(ours, HttpStatus.BAD_REQUEST).getProperties())
                .containsEntry("code", "SEAT_OUT_OF_RANGE");
    }

    @Test
    void aProblemWithoutDetailOrBodyGetsOne() {
        assertThat(Problems.forClient(null, HttpStatus.NOT_FOUND).getDetail()).isEqualTo("Nothing exists at this path.");
        assertThat(Problems.forClient(null, HttpStatus.METHOD_NOT_ALLOWED).getDetail())
                .isEqualTo("This path does not support the request method.");
        assertThat(Problems.forClient(null, HttpStatus.UNSUPPORTED_MEDIA_TYPE).getDetail())
                .isEqualTo("Unsupported Media Type.");
    }

    @Test
    void anUnknownStatusStillGetsACodeAndDetail() {
        ProblemDetail problem = Problems.forClient(null, HttpStatusCode.valueOf(499));

        assertThat(problem.getProperties()).containsEntry("code", "HTTP_499");
        assertThat(problem.getDetail()).isEqualTo("The request failed with status 499.");
    }

    @Test
    void aServerErrorSpringBuiltIsReplacedSoItsDetailNeverLeaks() {
        ProblemDetail spring = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "pool hunter2 exhausted");

        ProblemDetail problem = Problems.forClient(spring, HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(problem.toString()).doesNotContain("hunter2");
    }
}
