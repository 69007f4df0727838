package dev.ticketing.queue.waiting.domain;

/**
 * What a waiting client is told: roughly how long until admission, and when to ask again.
 *
 * @param estimatedWaitSeconds {@code position} divided by the planned admission rate, rounded up; 0 once ACTIVE
 * @param pollAfterSeconds     when to poll next: often enough to stay well inside the idle timeout (three polls
 *                             per timeout), rarely enough that a long line does not flood the service
 */
public record WaitEstimate(long estimatedWaitSeconds, long pollAfterSeconds) {

    /** Near the front a client polls every second; further back, about four times before its turn. */
    private static final int POLLS_UNTIL_ADMISSION = 4;

    public WaitEstimate {
        if (estimatedWaitSeconds < 0 || pollAfterSeconds < 1) {
            throw new IllegalArgumentException("impossible estimate " + estimatedWaitSeconds + "/" + pollAfterSeconds);
        }
    }

    public static WaitEstimate forPosition(long position, AdmissionRate rate, QueuePolicy policy) {
        long latestPoll = Math.max(1, policy.idleTimeout().toSeconds() / 3);
        if (position <= 0) {
            return new WaitEstimate(0, latestPoll);
        }
        // The epsilon keeps binary fractions from rounding an exact 200.0000000000001 up to 201.
        long seconds = (long) Math.ceil(position / rate.plannedPerSecond(policy) - 1e-9);
        long pollAfter = Math.min(latestPoll, Math.max(1, seconds / POLLS_UNTIL_ADMISSION));
        return new WaitEstimate(seconds, pollAfter);
    }
}
