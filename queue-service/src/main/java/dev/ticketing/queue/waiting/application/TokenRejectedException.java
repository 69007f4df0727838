package dev.ticketing.queue.waiting.application;

/** The presented token cannot be served: it ended ({@code EXPIRED}) or is not one this queue knows ({@code INVALID}). */
public class TokenRejectedException extends RuntimeException {

    public enum Kind { EXPIRED, INVALID }

    private final Kind kind;

    public TokenRejectedException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static TokenRejectedException expired() {
        return new TokenRejectedException(Kind.EXPIRED, "The queue token has expired; join the queue again.");
    }

    public static TokenRejectedException invalid(String message) {
        return new TokenRejectedException(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }
}
