package dev.ticketing.analytics.events;

/**
 * A record no retry can make readable: not an event envelope, an event type or schema version this service does
 * not know, or a payload its schema refuses. It goes to this service's dead-letter topic, never retried.
 */
public final class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message) {
        super(message);
    }
}
