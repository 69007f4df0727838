package dev.ticketing.messaging.relay;

import java.time.Duration;

/** Pauses between failed relay rounds: doubling from {@code initial}, capped at {@code max}. */
record RelayBackoff(Duration initial, Duration max) {

    /** The pause after the {@code failures}-th failure in a row (1 for the first). */
    Duration after(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        // Shifting past 2^20 cannot matter (initial is at least 1 ns, max at most years) and cannot overflow.
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = initial.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
