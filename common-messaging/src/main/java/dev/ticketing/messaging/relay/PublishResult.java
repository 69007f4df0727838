package dev.ticketing.messaging.relay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far a batch got: the first {@code acked} events were acknowledged by Kafka; the rest (from the first
 * failure on) stay unsent and are published again, in order, on the next round. Stopping at the first
 * failure keeps a later event of a key from being marked sent while an earlier one is still to be retried.
 */
record PublishResult(int acked, RuntimeException failure) {

    boolean complete() {
        return failure == null;
    }

    /** Waits for the sends in order, at most {@code timeout} in all; stops at the first that failed. */
    static PublishResult awaitAcks(List<? extends CompletableFuture<?>> sends, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return failedAt(i, sends.size(), "was not acknowledged by Kafka", e.getCause());
            } catch (TimeoutException e) {
                return failedAt(i, sends.size(), "got no acknowledgement within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failedAt(i, sends.size(), "was interrupted while waiting for Kafka", e);
            }
        }
        return new PublishResult(sends.size(), null);
    }

    private static PublishResult failedAt(int index, int count, String what, Throwable cause) {
        return new PublishResult(index, new OutboxPublishFailed("event " + (index + 1) + " of " + count + " "
                + what, cause));
    }
}
