package dev.ticketing.web.logging;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Decides which of a failure that repeats with every request (a database or Redis away, refusing each one the same
 * way) gets its log line: the first, then at most one per {@link #interval} for each kind, that line telling how
 * many of the same kind went unlogged since the one before. An outage under an on-sale's load is thousands of
 * identical failures a second; ops need to see that it started, that it goes on and how much of it there is, not a
 * line per request (each answer is still counted by {@code http.server.requests} with its status). Kinds are
 * low-cardinality names chosen by the caller (a dependency, a cause's class), never per-request values.
 */
public final class RepeatedFailures {

    /** One line per kind every 10 s while it lasts. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final long NEVER = Long.MIN_VALUE;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    public RepeatedFailures() {
        this(DEFAULT_INTERVAL, System::nanoTime);
    }

    RepeatedFailures(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * One more failure of this kind: empty when it goes unlogged, otherwise how many of its kind went unlogged
     * since the last line (0 for the first).
     */
    public OptionalLong toLog(String kind) {
        Kind seen = kinds.computeIfAbsent(kind, name -> new Kind());
        long now = nanoTime.getAsLong();
        long next = seen.nextLineAt.get();
        boolean due = next == NEVER || now - next >= 0;
        if (!due || !seen.nextLineAt.compareAndSet(next, now + intervalNanos)) {
            seen.unlogged.increment();
            return OptionalLong.empty();
        }
        return OptionalLong.of(seen.unlogged.sumThenReset());
    }

    private static final class Kind {

        /** When the next line may be written ({@link System#nanoTime()} scale), {@link #NEVER} before the first. */
        final AtomicLong nextLineAt = new AtomicLong(NEVER);
        final LongAdder unlogged = new LongAdder();
    }
}
