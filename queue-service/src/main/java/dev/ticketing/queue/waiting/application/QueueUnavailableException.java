package dev.ticketing.queue.waiting.application;

/** The queue's store (Redis) cannot be reached right now: nothing was changed, the caller may retry. */
public class QueueUnavailableException extends DependencyUnavailableException {

    public QueueUnavailableException(Throwable cause) {
        super("redis", cause);
    }
}
