package dev.ticketing.messaging.consumer;

/**
 * A readable event that breaks a rule this consumer relies on (a payment for a reservation it never had, a seat
 * its catalog does not know): no retry can make it fit, so the record goes to the consumer group's dead-letter
 * topic at once. Listeners throw it (or wrap the application's own exception in it) for rule violations only:
 * anything else is treated as transient and retried until it succeeds.
 */
public class EventRejected extends RuntimeException {

    public EventRejected(String message) {
        super(message);
    }

    public EventRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
