package dev.ticketing.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.http.HttpMethod;

/**
 * What a failed call to a service means for the client. Only where the request certainly never reached the service
 * (open breaker, no connection made) or repeating it is harmless (GET, HEAD, PUT, DELETE, OPTIONS) is the answer
 * "unavailable, try again". Any other failure of a POST or PATCH (a timeout, a connection lost after the request
 * went out) leaves the outcome unknown, and says so. When in doubt the answer is "unknown": claiming "not applied"
 * for a request that was is what costs a fan a second charge.
 */
final class UpstreamFailures {

    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private UpstreamFailures() {
    }

    static RuntimeException of(String service, HttpMethod method, Throwable failure) {
        if (REPEATABLE.contains(method) || neverReachedService(failure)) {
            return new ServiceUnavailable(service, failure);
        }
        return new OutcomeUnknown(service, failure);
    }

    /**
     * Whether the same request may go to another instance of the service: when the instance it went to certainly
     * never got it (no connection made), or when it was repeatable and that instance's connection failed (refused,
     * closed before an answer, reset: the instance died). Not after an open breaker (every instance shares it) and
     * not after a timeout: the client was promised an answer within the upstream timeout, not twice that.
     */
    static boolean anotherInstanceMayAnswer(HttpMethod method, Throwable failure) {
        boolean connectionFailed = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException) {
                return false;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
            connectionFailed |= cause instanceof IOException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return connectionFailed && REPEATABLE.contains(method);
    }

    /** The breaker refused the call, or no connection to the service was made (refused, timed out, no such host). */
    static boolean neverReachedService(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallNotPermittedException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
