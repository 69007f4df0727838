package dev.ticketing.payment.config;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The moment ({@link System#nanoTime()} scale) by which the request handled on this thread must be answered, so that
 * its waits for a database connection end by then instead of after the pool's own timeout (3 s, which a payment or
 * charge that starts its transaction with 1 s left would otherwise spend past its budget and past the gateway's
 * 5 s). Set by a controller around the work of one request; other threads (Kafka listeners, the outbox relay,
 * sweeps) have none and wait as the pool says ({@link DeadlineBoundDataSource}).
 */
public final class ConnectionDeadline {

    private static final ThreadLocal<Long> AT = new ThreadLocal<>();

    private ConnectionDeadline() {
    }

    /** Runs {@code work} with connection waits ending at {@code atNanos} at the latest. */
    public static <T> T within(long atNanos, Supplier<T> work) {
        Long outer = AT.get();
        AT.set(outer == null ? atNanos : Math.min(outer, atNanos));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                AT.remove();
            } else {
                AT.set(outer);
            }
        }
    }

    /** This thread's deadline, if a request set one. */
    static OptionalLong current() {
        Long at = AT.get();
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * How long a connection may be waited for at {@code nowNanos}: what is left until the deadline, never more
     * than the pool's own timeout, never less than 0 (a free connection is still taken, a busy pool answers at once).
     */
    static long waitMillis(long atNanos, long nowNanos, long poolTimeoutMillis) {
        long leftMillis = Math.floorDiv(atNanos - nowNanos, 1_000_000L);
        return Math.max(0, Math.min(leftMillis, poolTimeoutMillis));
    }
}
