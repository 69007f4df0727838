package dev.ticketing.events;

/**
 * A record on an event topic cannot be turned into an {@link EventEnvelope}: malformed JSON, a missing
 * or invalid field, an unsupported schema version. Retrying cannot help, so consumers send it to the DLT.
 */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
