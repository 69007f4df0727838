package dev.ticketing.gateway.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The gateway refuses a request itself, with one of the contract's codes (DESIGN.md section 4,
 * docs/queue-tokens.md). {@link ProblemJsonErrorHandler} renders it as problem+json with that code.
 *
 * <p>Without a stack trace on purpose: rejections are the normal outcome of a bad token or a flood of joins,
 * they can come thousands per second, and the trace would say nothing the code does not.
 */
public final class RejectedRequest extends RuntimeException {

    public static final String TOKEN_INVALID = "TOKEN_INVALID";
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    public static final String QUEUE_NOT_ACTIVE = "QUEUE_NOT_ACTIVE";
    public static final String WRONG_CONCERT = "WRONG_CONCERT";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    private static final HttpHeaders BEARER_CHALLENGE = readOnly(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    private final HttpStatus status;
    private final String code;
    private final HttpHeaders headers;

    private RejectedRequest(HttpStatus status, String code, String detail, HttpHeaders headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public static RejectedRequest tokenInvalid(String detail) {
        return new RejectedRequest(HttpStatus.UNAUTHORIZED, TOKEN_INVALID, detail, BEARER_CHALLENGE);
    }

    public static RejectedRequest tokenExpired(String detail) {
        return new RejectedRequest(HttpStatus.UNAUTHORIZED, TOKEN_EXPIRED, detail, BEARER_CHALLENGE);
    }

    public static RejectedRequest queueNotActive() {
        return new RejectedRequest(HttpStatus.FORBIDDEN, QUEUE_NOT_ACTIVE,
                "This needs an ACTIVE queue token; keep polling the queue until it is admitted", HttpHeaders.EMPTY);
    }

    public static RejectedRequest wrongConcert() {
        return new RejectedRequest(HttpStatus.FORBIDDEN, WRONG_CONCERT,
                "The queue token is for another concert", HttpHeaders.EMPTY);
    }

    public static RejectedRequest rateLimited(long retryAfterSeconds) {
        return new RejectedRequest(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                "Too many queue joins from this address; retry after " + retryAfterSeconds + " s",
                readOnly(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    public static RejectedRequest invalidRequest(String detail) {
        return new RejectedRequest(HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail, HttpHeaders.EMPTY);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Headers that belong to the answer: WWW-Authenticate on 401, Retry-After on 429. */
    public HttpHeaders headers() {
        return headers;
    }

    private static HttpHeaders readOnly(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
