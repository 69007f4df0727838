package dev.ticketing.queue.waiting.application;

/** The presented token cannot be served: it ended ({@code EXPIRED}) or is not one this queue knows ({@code INVALID}). */
public class TokenRejected extends RuntimeException {

    public enum Kind { EXPIRED, INVALID }

    private final Kind kind;

    public TokenRejected(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static TokenRejected expired() {
        return new TokenRejected(Kind.EXPIRED, "The queue token has expired; join the queue again.");
    }

    public static TokenRejected invalid(String message) {
        return new TokenRejected(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }
}
