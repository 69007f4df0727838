package dev.ticketing.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * The join limit's Redis outages as episodes: one begins with the first failed (or late) answer and ends only once
 * Redis has answered for {@link #quiet} without failing again. A Redis that stalls now and then under load (every few
 * joins an answer past the deadline, the rest on time) is then one episode, logged when it begins and when it ends,
 * not a degraded / shared-again pair of log lines for nearly every join.
 *
 * <p>{@link #answered()} runs on every join and reads one volatile field while there is no outage.
 */
final class RedisOutage {

    /**
     * An outage that ended: the time from its first failure to its last (0 for a single one; the quiet period after
     * it is not counted, nor the time without joins before Redis is next asked), and how many join decisions this
     * instance made alone in it.
     */
    record Ended(Duration failing, long localDecisions) {
    }

    private final Clock clock;
    private final Duration quiet;
    private volatile boolean ongoing;
    private long beganAt;
    private long lastFailureAt;
    private long localDecisions;

    RedisOutage(Clock clock, Duration quiet) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the quiet period must not be negative");
        }
        this.clock = clock;
        this.quiet = quiet;
    }

    /** A join decided locally because Redis failed: {@code true} when this failure begins an outage. */
    synchronized boolean failed() {
        long now = clock.millis();
        lastFailureAt = now;
        localDecisions++;
        if (ongoing) {
            return false;
        }
        ongoing = true;
        beganAt = now;
        localDecisions = 1;
        return true;
    }

    /** Redis answered a join in time: the outage this answer ends, or {@code null} (none, or not quiet long enough). */
    Ended answered() {
        if (!ongoing) {
            return null;
        }
        synchronized (this) {
            long now = clock.millis();
            if (!ongoing || now - lastFailureAt < quiet.toMillis()) {
                return null;
            }
            ongoing = false;
            return new Ended(Duration.ofMillis(lastFailureAt - beganAt), localDecisions);
        }
    }

    boolean ongoing() {
        return ongoing;
    }
}
