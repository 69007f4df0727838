package dev.ticketing.messaging.relay;

import java.time.Duration;
import java.util.List;

/**
 * Where the relay finds events to publish: a store the service writes each event to atomically with the state
 * change it announces (the JDBC outbox table, queue-service's Redis stream). A service registers one as a bean,
 * with a {@link RelayLease}; common-messaging's auto-configuration builds the relay from them.
 *
 * <p>The relay calls it from one thread, and reads only while it holds the lease. Its guarantees rest on this
 * contract: {@link #nextBatch} returns events oldest first, in the order they must reach Kafka (per key, the
 * order they were written), and keeps returning every event until it is acknowledged, whichever instance read
 * it before; {@link #acknowledge} gets only events Kafka has acknowledged, and only then may they disappear.
 */
public interface OutboxSource {

    /** The {@code store} tag of the relay's metrics: a short constant such as {@code jdbc} or {@code redis}. */
    String store();

    /**
     * The oldest events not yet acknowledged, at most {@code limit}. When there are none, waits up to
     * {@code wait} for new ones (ending early when woken, e.g. by a commit on this instance or a new stream
     * entry) so an event goes out right after it is written; may then return an empty list.
     */
    List<PendingEvent> nextBatch(int limit, Duration wait);

    /** Kafka acknowledged these, the first events of the last batch in order: mark them published, or remove them. */
    void acknowledge(List<PendingEvent> published);

    /** Events written and not yet acknowledged, for the backlog gauge. */
    long pendingCount();

    /** Ends a wait in {@link #nextBatch} at once; the relay calls it when it stops. */
    default void wakeUp() {
    }
}
