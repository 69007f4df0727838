package dev.ticketing.queue.waiting.domain;

import java.time.Duration;

/**
 * The rules of one concert's line, from the settings (DESIGN.md section 3): how many may be ACTIVE, for how long,
 * how long a silent WAITING client keeps its place, how often admission runs, and how long an ACTIVE fan who makes
 * no request (and holds no seat) keeps the slot.
 */
public record QueuePolicy(int maxActive, Duration activeTtl, Duration idleTimeout, Duration admitInterval,
                          Duration activeIdleTimeout, int pollBudget) {

    /** The default of {@code QUEUE_ACTIVE_IDLE_TIMEOUT}. */
    public static final Duration DEFAULT_ACTIVE_IDLE_TIMEOUT = Duration.ofMinutes(2);
    /** The default of {@code QUEUE_POLL_BUDGET}: polls per second per concert. */
    public static final int DEFAULT_POLL_BUDGET = 500;

    /**
     * A WAITING token's JWS lives this long (docs/queue-tokens.md); the queue, not the JWS, decides idleness, and a
     * poll with less than half of it left gets a fresh JWS. Unless the ACTIVE time is longer, it is also the longest
     * a token of any state is valid: how long signing keys and token records are kept, and how far back a gateway
     * reads revocations when it starts. Short, so that all three stay small after a day of crowds.
     */
    public static final Duration WAITING_TOKEN_LIFETIME = Duration.ofHours(2);

    /**
     * The longest a WAITING client is told to wait between polls, however long the line: a quarter of the JWS's
     * lifetime, so a client that polls as told always gets its fresh JWS (at half the lifetime) before the old one
     * ends, and a place kept for three such silences ends before its record does. Places beyond where the budget's
     * interval reaches this one (about 72,000 at the default budget) poll more often than the budget alone would
     * say, at most {@code waiting / 1,800} polls per second more: the whole line passes the budget from about
     * 450,000 waiting (about 790 polls per second for a million).
     */
    public static final Duration LONGEST_POLL_INTERVAL = WAITING_TOKEN_LIFETIME.dividedBy(4);

    public QueuePolicy {
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be at least 1, was " + maxActive);
        }
        requirePositive(activeTtl, "activeTtl");
        requirePositive(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(LONGEST_POLL_INTERVAL) > 0) {
            throw new IllegalArgumentException("idleTimeout must be at most " + LONGEST_POLL_INTERVAL
                    + " (a quarter of a WAITING token's lifetime), was " + idleTimeout);
        }
        requirePositive(admitInterval, "admitInterval");
        requirePositive(activeIdleTimeout, "activeIdleTimeout");
        if (pollBudget < 1) {
            throw new IllegalArgumentException("pollBudget must be at least 1 poll per second, was " + pollBudget);
        }
    }

    public QueuePolicy(int maxActive, Duration activeTtl, Duration idleTimeout, Duration admitInterval) {
        this(maxActive, activeTtl, idleTimeout, admitInterval, DEFAULT_ACTIVE_IDLE_TIMEOUT, DEFAULT_POLL_BUDGET);
    }

    /**
     * The least time between two polls of the client at {@code position} in a line of {@code waiting}, so that the
     * whole line polls at most {@code pollBudget} times a second: {@code ceil(c × position)} with
     * {@code c = (1 + ln waiting) / pollBudget}, but never more than {@link #LONGEST_POLL_INTERVAL}. The front polls
     * every second, those far back rarely; summed over the line, {@code 1 / max(1, c × p)} stays under
     * {@code (1 + ln waiting) / c = pollBudget}, plus one poll per interval for each place the cap brings forward.
     * queue-lib.lua's {@code allowed_silence} computes the same and keeps each place for three such periods (or the
     * idle timeout, if longer).
     */
    public long budgetPollSeconds(long position, long waiting) {
        if (position <= 0) {
            return 0;
        }
        double perPosition = (1 + Math.log(Math.max(1, waiting))) / pollBudget;
        return Math.min(LONGEST_POLL_INTERVAL.toSeconds(), (long) Math.ceil(position * perPosition));
    }

    /**
     * Admissions per second when none has been measured yet, and the least the line can move in steady state:
     * every ACTIVE token ends within {@code activeTtl}, so a full concert frees {@code maxActive} places per
     * {@code activeTtl} at the very least.
     */
    public double guaranteedAdmissionRate() {
        return maxActive / (activeTtl.toMillis() / 1000.0);
    }

    /** How long a token's record outlives its last change: as long as any JWS of it can still be presented. */
    public Duration tokenRetention() {
        return longestTokenLifetime();
    }

    /** The longest time a token signed now stays valid: what a retired signing key must still verify. */
    public Duration longestTokenLifetime() {
        return activeTtl.compareTo(WAITING_TOKEN_LIFETIME) > 0 ? activeTtl : WAITING_TOKEN_LIFETIME;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
