package dev.ticketing.queue.outbox;

/**
 * The queue's outbox: a Redis stream that the Lua scripts append each event to in the same script as the state
 * change it announces, and that {@link OutboxRelay} forwards to Kafka and then deletes from.
 */
public final class OutboxStream {

    public static final String KEY = "queue:outbox";

    private OutboxStream() {
    }
}
