package dev.ticketing.queue.waiting.application;

/** The queue's store (Redis) cannot be reached right now: nothing was changed, the caller may retry. */
public class QueueUnavailable extends DependencyUnavailable {

    public QueueUnavailable(Throwable cause) {
        super("redis", cause);
    }
}
