package dev.ticketing.loadtests;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many fans are ACTIVE at once, as the fans themselves see it: from the answer that told a fan it is ACTIVE
 * until it is done (paid, found nothing left, or failed). queue-service counts a fan who leaves without paying
 * a while longer, until its slot times out (QUEUE_ACTIVE_IDLE_TIMEOUT): see {@link QueueActiveGauge}.
 */
final class ActiveFans {

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    void enter() {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    void leave() {
        now.decrementAndGet();
    }

    int most() {
        return most.get();
    }
}
