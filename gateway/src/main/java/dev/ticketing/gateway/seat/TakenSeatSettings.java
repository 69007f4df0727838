package dev.ticketing.gateway.seat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holds on one seat at the gateway ({@link ContendedSeats}).
 *
 * @param memory   how long after the service refused a seat as taken the gateway repeats that answer; zero turns
 *                 all of this off (every hold goes to the service)
 * @param maxWait  the longest a hold waits for the answer to another hold on its seat before it goes on its own;
 *                 zero sends every hold at once (only remembered refusals are repeated)
 * @param maxSeats the most seats remembered at once (the oldest go first)
 */
@ConfigurationProperties("ticketing.gateway.taken-seats")
public record TakenSeatSettings(@DefaultValue("PT1S") Duration memory,
                                @DefaultValue("PT1S") Duration maxWait,
                                @DefaultValue("100000") long maxSeats) {

    /** A seat released is held back from fans at most this much longer; a hold is delayed at most this much. */
    static final Duration LONGEST = Duration.ofSeconds(5);

    public TakenSeatSettings {
        if (memory.isNegative() || memory.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "ticketing.gateway.taken-seats.memory must be 0 (off) to " + LONGEST + ", was " + memory);
        }
        if (maxWait.isNegative() || maxWait.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "ticketing.gateway.taken-seats.max-wait must be 0 (no waiting) to " + LONGEST + ", was " + maxWait);
        }
        if (maxSeats < 1) {
            throw new IllegalArgumentException(
                    "ticketing.gateway.taken-seats.max-seats must be positive, was " + maxSeats);
        }
    }

    boolean enabled() {
        return !memory.isZero();
    }

    boolean collapsing() {
        return !maxWait.isZero();
    }
}
