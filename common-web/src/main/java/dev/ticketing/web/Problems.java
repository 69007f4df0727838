package dev.ticketing.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies of every service: each problem carries a machine-readable {@code code}. */
public final class Problems {

    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final String UNEXPECTED_DETAIL = "An unexpected error occurred.";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** A failure nobody planned for: the client learns only that it happened, never why. */
    public static ProblemDetail unexpected() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR, UNEXPECTED_DETAIL);
    }

    /**
     * What the client gets for a problem Spring built (routing, body parsing, binding): the body as built with a
     * {@code code} and a detail filled in when missing; a 5xx is replaced by a generic one so it never says why.
     */
    public static ProblemDetail forClient(Object body, HttpStatusCode status) {
        if (status.is5xxServerError()) {
            return problem(status, INTERNAL_ERROR, UNEXPECTED_DETAIL);
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(status));
        }
        if (problem.getDetail() == null) {
            problem.setDetail(defaultDetail(status));
        }
        return problem;
    }

    /** The code of a problem that Spring raised before any of our code ran (routing, body parsing, binding). */
    static String codeFor(HttpStatusCode status) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return INVALID_REQUEST;
        }
        if (status.is5xxServerError()) {
            return INTERNAL_ERROR;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    /** Spring leaves some problems without a detail; clients always get one. */
    static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Nothing exists at this path.";
            case 405 -> "This path does not support the request method.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "The request failed with status " + status.value() + "." : known.getReasonPhrase() + ".";
            }
        };
    }
}
