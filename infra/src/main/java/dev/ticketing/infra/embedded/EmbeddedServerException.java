package dev.ticketing.infra.embedded;

/** An embedded server could not start or stop; the message names the cause. */
public class EmbeddedServerException extends RuntimeException {

    public EmbeddedServerException(String message) {
        super(message);
    }

    public EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
