package dev.ticketing.infra.stack;

/** The stack cannot do what was asked; the message says why and what to do, for a person to read. */
public class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }

    public StackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
