package dev.ticketing.messaging.consumer;

import dev.ticketing.events.UnreadableEvent;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * The consumers' error handler: poison records (unreadable, {@link EventRejected}, and whatever a service adds
 * with {@link #addNotRetryableExceptions}) go to the recoverer at once; every other failure is retried with the
 * given back-off, which never gives up. Failed records are sought again, so a partition never moves past one.
 */
class EventErrorHandler extends DefaultErrorHandler {

    EventErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        super(recoverer, backOff);
        addNotRetryableExceptions(UnreadableEvent.class, EventRejected.class);
        // A database fail-over throws different exceptions along the way; the back-off keeps growing through them.
        setResetStateOnExceptionChange(false);
    }

    /** Whether this failure is not retried (the matcher, causes included, says which exceptions are retryable). */
    boolean isPoison(Exception failure) {
        return !getExceptionMatcher().match(failure);
    }
}
