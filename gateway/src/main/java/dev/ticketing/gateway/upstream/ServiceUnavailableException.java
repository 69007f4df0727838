package dev.ticketing.gateway.upstream;

/**
 * A service could not answer: refused or timed-out connection, no answer within the time limit, or its circuit
 * breaker is open. Rendered as 503 SERVICE_UNAVAILABLE naming the service.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
