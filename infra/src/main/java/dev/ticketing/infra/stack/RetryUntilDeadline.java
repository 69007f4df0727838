package dev.ticketing.infra.stack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Repeats an HTTP call that failed for a passing reason, a 5xx answer or no connection, with doubling pauses until
 * a deadline. While the stack starts, the gateway may still hold a circuit open for a service that has just become
 * ready, and answer 503 for a few seconds; a 4xx would not change by waiting, so it is returned at once.
 */
final class RetryUntilDeadline {

    record Answer(int status, String body) {
    }

    @FunctionalInterface
    interface Call {
        Answer attempt() throws IOException, InterruptedException;
    }

    private final Instant deadline;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Consumer<String> progress;

    RetryUntilDeadline(Instant deadline, Duration firstPause, Duration longestPause, Consumer<String> progress) {
        this.deadline = deadline;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.progress = progress;
    }

    /** The first answer below 500; throws, naming the last failure, once the next attempt would fall past the deadline. */
    Answer call(String what, Call call) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                Answer answer = call.attempt();
                if (answer.status() < 500) {
                    return answer;
                }
                failure = "answered " + answer.status() + ": " + answer.body();
            } catch (IOException e) {
                failure = "failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("Interrupted while " + what, e);
            }
            if (Instant.now().plus(pause).isAfter(deadline)) {
                throw new StackFailure(what + " " + failure + " (attempt " + attempt
                        + "; gave up at the start deadline)");
            }
            progress.accept(what + " " + failure + "; retrying in " + pause.toMillis() + " ms");
            sleep(pause, what);
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    private static void sleep(Duration pause, String what) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted while " + what, e);
        }
    }
}
