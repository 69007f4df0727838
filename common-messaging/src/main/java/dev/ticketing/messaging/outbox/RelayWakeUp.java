package dev.ticketing.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay thread there is something to publish. Signals coalesce: any number of commits while the
 * relay is busy leave one pending wake-up, which is all it needs (it reads every unsent row anyway).
 */
final class RelayWakeUp {

    private final BlockingQueue<Boolean> pending = new ArrayBlockingQueue<>(1);

    void wakeUp() {
        pending.offer(Boolean.TRUE);
    }

    /** Waits up to {@code timeout} for a wake-up; true if one came. */
    boolean await(Duration timeout) {
        try {
            return pending.poll(timeout.toNanos(), TimeUnit.NANOSECONDS) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
