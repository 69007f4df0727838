package dev.ticketing.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.ticketing.messaging.relay.OutboxSource;
import dev.ticketing.messaging.relay.PendingEvent;

/**
 * The outbox table as the relay's source: unsent rows in id order, marked sent once Kafka acknowledged them.
 * A commit on this instance wakes a waiting read ({@link RelayWakeUp}); other instances' rows are found by the
 * next read, at most a poll interval later. Read only by the lease holder, which is also who deletes sent rows
 * past their retention.
 */
record JdbcOutboxSource(OutboxRows rows, RelayWakeUp commits, RetentionCleanup cleanup, Clock clock)
        implements OutboxSource {

    @Override
    public String store() {
        return "jdbc";
    }

    @Override
    public List<PendingEvent> nextBatch(int limit, Duration wait) {
        cleanup.runIfDue();
        List<PendingEvent> batch = rows.nextUnsent(limit);
        // Woken: read again at once. Timed out: the relay's next round reads again, after renewing its lease.
        if (batch.isEmpty() && commits.await(wait)) {
            batch = rows.nextUnsent(limit);
        }
        return batch;
    }

    @Override
    public void acknowledge(List<PendingEvent> published) {
        rows.markSent(published, clock.instant());
    }

    @Override
    public long pendingCount() {
        return rows.countUnsent();
    }

    @Override
    public void wakeUp() {
        commits.wakeUp();
    }
}
