package dev.ticketing.queue.outbox;

/**
 * The queue's outbox: a Redis stream that the Lua scripts append each event to in the same script as the state
 * change it announces, and that common-messaging's relay forwards to Kafka ({@link RedisOutboxSource}).
 */
public final class OutboxStream {

    /** Entries that can never become an event (a defect) are set aside in {@code queue:outbox:dead}, never dropped. */
    public static final String KEY = "queue:outbox";
    /** Who relays the stream now ({@link RedisRelayLease}). */
    static final String LEASE = "queue:outbox:relay-lease";

    private OutboxStream() {
    }
}
