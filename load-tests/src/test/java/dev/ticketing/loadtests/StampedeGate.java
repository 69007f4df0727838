package dev.ticketing.loadtests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds ACTIVE users back until all of them are ready, then lets them through together. Gatling users must not
 * block a thread, so a waiting user polls {@link #isOpen()} with short pauses instead of waiting on a latch.
 * It opens when every user has arrived or given up, or at the deadline at the latest, so a run never hangs.
 */
final class StampedeGate {

    private final int expected;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicLong openedAtNanos = new AtomicLong();
    private final AtomicLong lastResponseNanos = new AtomicLong();
    private volatile long deadlineNanos = Long.MAX_VALUE;

    StampedeGate(int expected) {
        this.expected = expected;
    }

    void startClock(Duration openAtTheLatestAfter) {
        deadlineNanos = System.nanoTime() + openAtTheLatestAfter.toNanos();
    }

    void arrive() {
        arrived.incrementAndGet();
    }

    void giveUp() {
        gaveUp.incrementAndGet();
    }

    boolean isOpen() {
        long now = System.nanoTime();
        boolean open = arrived.get() + gaveUp.get() >= expected || now >= deadlineNanos;
        if (open) {
            openedAtNanos.compareAndSet(0, now);
        }
        return open;
    }

    void responseReceived() {
        lastResponseNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    int arrived() {
        return arrived.get();
    }

    /** From the moment the gate opened to the last hold answer: how long the stampede took to settle. */
    Duration settleTime() {
        long opened = openedAtNanos.get();
        long last = lastResponseNanos.get();
        return opened == 0 || last < opened ? Duration.ZERO : Duration.ofNanos(last - opened);
    }
}
