package dev.ticketing.gateway.upstream;

/**
 * A request that changes state (POST) was sent to a service, which then gave no answer: it timed out, or the
 * connection broke before the response. The service may have applied it, so "try again" would be wrong (a second
 * charge, a second hold); the client has to check first. Rendered as 504 OUTCOME_UNKNOWN saying how to check.
 */
public class OutcomeUnknown extends RuntimeException {

    private final String service;

    public OutcomeUnknown(String service, Throwable cause) {
        super("the outcome of a request to " + service + " is unknown", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
