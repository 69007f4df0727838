package dev.ticketing.analytics.query;

/**
 * The figures asked for cannot be read right now: the streams are starting, rebuilding a store from its changelog,
 * or moving partitions between instances, or the instance that owns them did not answer. Worth asking again soon.
 */
public final class FiguresNotReady extends RuntimeException {

    public FiguresNotReady(String message) {
        super(message);
    }

    public FiguresNotReady(String message, Throwable cause) {
        super(message, cause);
    }
}
