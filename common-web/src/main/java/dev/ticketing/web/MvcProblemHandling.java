package dev.ticketing.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ticketing.web.admin.AdminAccessDenied;
import dev.ticketing.web.paging.InvalidPage;

/**
 * The problem+json handling every Spring MVC service shares. Spring's own web exceptions (404, 405, 415,
 * unreadable bodies, validation) come through {@link ResponseEntityExceptionHandler} and leave with a
 * {@code code}; anything unexpected becomes a generic 500 whose cause is logged, never sent.
 * <p>
 * Not an advice itself: each service's one {@code @RestControllerAdvice} extends it and adds the mapping of its
 * own domain exceptions, so the service keeps a single place that decides what its clients see.
 */
public abstract class MvcProblemHandling extends ResponseEntityExceptionHandler {

    /** Named after the service's advice, so its log lines read as they did before this class existed. */
    private final Logger log = LoggerFactory.getLogger(getClass());

    /** Refused by the admin key check, which has logged why. */
    @ExceptionHandler(AdminAccessDenied.class)
    public ResponseEntity<ProblemDetail> handleAdminAccessDenied(AdminAccessDenied e) {
        return respond(e.problem());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> handleUnexpected(Exception e, WebRequest request) {
        log.error("request_failed {}", describe(request), e);
        return respond(Problems.unexpected());
    }

    /** A listing's bad {@code ?limit=} or {@code ?cursor=}. */
    @ExceptionHandler(InvalidPage.class)
    public ResponseEntity<ProblemDetail> handleInvalidPage(InvalidPage e) {
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, InvalidRequests.invalidFields(ex.getBindingResult()), headers, status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, InvalidRequests.invalidParameters(ex), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (InvalidRequests.causedBy(ex, RequestBodyLimit.TooLarge.class)) {
            HttpStatusCode tooLarge = HttpStatusCode.valueOf(413);
            return handleExceptionInternal(ex, Problems.problem(tooLarge, Problems.codeFor(tooLarge),
                    "The request body is too large."), headers, tooLarge, request);
        }
        return handleExceptionInternal(ex, InvalidRequests.unreadableBody(ex.getCause()), headers, status, request);
    }

    /** Every problem Spring builds for us leaves here: add the code, and never let a 5xx say why. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("request_failed {}", describe(request), ex);
        }
        return super.handleExceptionInternal(ex, Problems.forClient(body, status), headers, status, request);
    }

    protected static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    protected static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return "method=" + servlet.getRequest().getMethod() + " path=" + servlet.getRequest().getRequestURI();
        }
        return "request=" + request.getDescription(false);
    }
}
