package dev.ticketing.infra.embedded;

/** An embedded server could not start or stop; the message names the cause. */
public class EmbeddedServerFailure extends RuntimeException {

    public EmbeddedServerFailure(String message) {
        super(message);
    }

    public EmbeddedServerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
