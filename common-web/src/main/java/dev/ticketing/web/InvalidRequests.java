package dev.ticketing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The 400 {@code INVALID_REQUEST} problems of requests Spring could not read or validate, the same for MVC and
 * WebFlux: they say which field or where in the body, without echoing parser internals or class names.
 */
public final class InvalidRequests {

    private InvalidRequests() {
    }

    public static ProblemDetail invalidFields(BindingResult result) {
        List<Map<String, String>> errors = result.getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return withErrors("The request has invalid fields.", errors);
    }

    public static ProblemDetail invalidParameters(HandlerMethodValidationException exception) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return withErrors("The request has invalid parameters.", errors);
    }

    /** The cause is what the message reader threw: a Jackson failure somewhere down its chain, or nothing. */
    public static ProblemDetail unreadableBody(Throwable cause) {
        return Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, unreadableBodyDetail(cause));
    }

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

    private static ProblemDetail withErrors(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static JacksonException findJacksonException(Throwable cause) {
        return find(cause, JacksonException.class);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = cause; t != null && !seen.contains(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
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
