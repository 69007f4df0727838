package dev.ticketing.gateway.activity;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The booking path's figures since the last report: requests, those that failed (any 5xx, which includes the
 * services' 503 SERVICE_BUSY with {@code Ticketing-Shed}) and the p90 of their time upstream. Lock-free on the
 * request path and a fixed size: a counter per latency bucket, reset by each report. The p90 is reported as its
 * bucket's upper bound; the bounds include queue-service's default latency target (500 ms), so a p90 over the
 * target always reads as over it.
 */
public final class BookingPathRecorder {

    /** Upper bounds of the latency buckets (ms); one more bucket holds everything slower. */
    private static final long[] BOUNDS_MILLIS = {5, 10, 20, 50, 100, 200, 300, 400, 500, 750, 1_000, 1_500, 2_000,
            3_000, 5_000, 10_000};
    private static final double PERCENTILE = 0.9;

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_MILLIS.length + 1);
    private final LongAdder failed = new LongAdder();

    public void record(long latencyMillis, boolean failure) {
        buckets.incrementAndGet(bucketOf(latencyMillis));
        if (failure) {
            failed.increment();
        }
    }

    /** Takes the figures recorded so far and starts a new window. */
    public Window drain() {
        long[] counts = new long[buckets.length()];
        long requests = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.getAndSet(i, 0);
            requests += counts[i];
        }
        // A request recorded while draining may have its failure counted in this window and its time in the next.
        long shed = Math.min(failed.sumThenReset(), requests);
        return new Window(requests, shed, percentile(counts, requests));
    }

    private static long percentile(long[] counts, long requests) {
        if (requests == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(requests * PERCENTILE);
        long seen = 0;
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return BOUNDS_MILLIS[i];
            }
        }
        return 2 * BOUNDS_MILLIS[BOUNDS_MILLIS.length - 1];
    }

    private static int bucketOf(long latencyMillis) {
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            if (latencyMillis <= BOUNDS_MILLIS[i]) {
                return i;
            }
        }
        return BOUNDS_MILLIS.length;
    }

    /** One report window: what queue-service's admission control reads as {@code booking}. */
    public record Window(long requests, long shed, long latencyMillis) {
    }
}
