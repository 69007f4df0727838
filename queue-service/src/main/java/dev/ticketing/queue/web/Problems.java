package dev.ticketing.queue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Builds the RFC 9457 bodies of this service: every problem carries a machine-readable {@code code}. */
final class Problems {

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private Problems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
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

    static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    /** Says where an unreadable body went wrong without echoing parser internals or class names. */
    static String unreadableBodyDetail(Throwable cause) {
        JacksonException jackson = findJacksonException(cause);
        if (jackson == null) {
            return "The request body is missing or unreadable.";
        }
        if (jackson instanceof StreamReadException) {
            return "The request body is not valid JSON.";
        }
        String path = jsonPath(jackson);
        return path.isEmpty()
                ? "The request body does not have the expected structure."
                : "The value at '" + path + "' is missing or has the wrong type or format.";
    }

    private static JacksonException findJacksonException(Throwable cause) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = cause; t != null && !seen.contains(t); t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
            seen.add(t);
        }
        return null;
    }

    private static String jsonPath(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
