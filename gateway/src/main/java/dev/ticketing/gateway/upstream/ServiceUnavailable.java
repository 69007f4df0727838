package dev.ticketing.gateway.upstream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * A service could not answer and trying again is safe: the request never reached it (refused or timed-out
 * connection, its circuit breaker is open), or it is one that may be repeated (GET, HEAD, ...). Rendered as 503
 * SERVICE_UNAVAILABLE naming the service, with Retry-After.
 */
public class ServiceUnavailable extends RuntimeException {

    /** One failed call: the next may well succeed. */
    private static final long RETRY_AFTER_FAILURE_SECONDS = 1;
    /** An open breaker stays open up to 10 s (CircuitBreakerDefaults); on average about half of that remains. */
    private static final long RETRY_AFTER_OPEN_BREAKER_SECONDS = 5;

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    /** Seconds a client should wait before trying again. */
    public long retryAfterSeconds() {
        return getCause() instanceof CallNotPermittedException
                ? RETRY_AFTER_OPEN_BREAKER_SECONDS : RETRY_AFTER_FAILURE_SECONDS;
    }
}
