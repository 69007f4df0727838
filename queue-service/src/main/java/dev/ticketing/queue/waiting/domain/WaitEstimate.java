package dev.ticketing.queue.waiting.domain;

/**
 * What a waiting client is told: roughly how long until admission, and when to ask again.
 *
 * @param estimatedWaitSeconds {@code position} divided by the planned admission rate, rounded up; 0 once ACTIVE
 * @param pollAfterSeconds     when to poll next: often enough to stay well inside the place's allowed silence
 *                             (three polls per idle timeout), rarely enough that the whole line stays within the
 *                             poll budget ({@code QUEUE_POLL_BUDGET} polls per second per concert)
 */
public record WaitEstimate(long estimatedWaitSeconds, long pollAfterSeconds) {

    /** Near the front a client polls every second; further back, about four times before its turn. */
    private static final int POLLS_UNTIL_ADMISSION = 4;

    public WaitEstimate {
        if (estimatedWaitSeconds < 0 || pollAfterSeconds < 1) {
            throw new IllegalArgumentException("impossible estimate " + estimatedWaitSeconds + "/" + pollAfterSeconds);
        }
    }

    /** For a client whose line is known to be at least {@code position} long. */
    public static WaitEstimate forPosition(long position, AdmissionRate rate, QueuePolicy policy) {
        return forPosition(position, position, rate, policy);
    }

    /**
     * @param waiting how many are WAITING in the concert's line: with the poll budget it sets the least time
     *                between polls, and the place is kept three times that long (queue-lib.lua)
     */
    public static WaitEstimate forPosition(long position, long waiting, AdmissionRate rate, QueuePolicy policy) {
        long budgetPoll = policy.budgetPollSeconds(position, waiting);
        long latestPoll = Math.max(1, Math.max(policy.idleTimeout().toSeconds() / 3, budgetPoll));
        if (position <= 0) {
            return new WaitEstimate(0, latestPoll);
        }
        // The epsilon keeps binary fractions from rounding an exact 200.0000000000001 up to 201.
        long seconds = (long) Math.ceil(position / rate.plannedPerSecond(policy) - 1e-9);
        long pollAfter = Math.min(latestPoll, Math.max(Math.max(1, budgetPoll), seconds / POLLS_UNTIL_ADMISSION));
        return new WaitEstimate(seconds, pollAfter);
    }
}
