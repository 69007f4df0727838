package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Sends a request as a well-behaved client does under overload (README.md "Under load and faults"): an answer that
 * says "come back later" is retried after its {@code Retry-After}, up to {@code maxRetries} times, and counted
 * apart; it is not a failure. That is a deliberate shed (503 SERVICE_BUSY with {@code Ticketing-Shed: 1}) and the
 * gateway's join limit (429). Any other 5xx is counted as a 5xx, and the caller's own checks (its expected
 * statuses) then fail the session. The response time of every answer that was not a "come back later" is recorded
 * under the request's name, so the per-step percentiles are those of real answers.
 */
final class ShedRetry {

    /** The HTTP status of the last answer; absent when there was none (connection failed). */
    static final String HTTP_STATUS = "httpStatus";
    /** The name of the last request sent, so that a failed session can say where it failed. */
    static final String LAST_STEP = "lastStep";

    private static final String SHED_HEADER = "Ticketing-Shed";
    private static final String RETRY_AFTER = "retryAfter";
    private static final String SHED = "shed";
    private static final String MILLIS = "responseMillis";
    private static final String AGAIN = "sendAgain";
    private static final String RETRIES = "sendRetries";

    private final Tally answers;
    private final StepTimes times;
    private final int maxRetries;

    /** {@code answers} counts sheds, 429s and 5xx per request name; {@code times} gets the response times. */
    ShedRetry(Tally answers, StepTimes times, int maxRetries) {
        this.answers = answers;
        this.times = times;
        this.maxRetries = maxRetries;
    }

    /** Sends {@code request} until it gets an answer that is not "come back later"; {@code checks} judge that one. */
    ChainBuilder send(String step, HttpRequestActionBuilder request, CheckBuilder... checks) {
        HttpRequestActionBuilder judged = request
                .check(status().saveAs(HTTP_STATUS), responseTimeInMillis().saveAs(MILLIS),
                        header("Retry-After").optional().saveAs(RETRY_AFTER),
                        header(SHED_HEADER).optional().saveAs(SHED))
                .checkIf((response, session) -> !comeBackLater(response.status().code(),
                        response.headers().get(SHED_HEADER)))
                .then(checks);
        return exec(session -> session.set(AGAIN, true).set(RETRIES, 0))
                .asLongAs(session -> session.getBoolean(AGAIN)).on(
                        exec(session -> session.remove(HTTP_STATUS).remove(MILLIS).remove(RETRY_AFTER).remove(SHED)
                                .set(AGAIN, false))
                                .exec(judged)
                                .exec(session -> judge(step, session))
                                .doIf(session -> session.getBoolean(AGAIN)).then(pause(ShedRetry::retryAfter)));
    }

    private Session judge(String step, Session sent) {
        Session session = sent.set(LAST_STEP, step);
        if (!session.contains(HTTP_STATUS)) {
            answers.count("no answer (connection failed or timed out): " + step);
            return session.markAsFailed();
        }
        int status = session.getInt(HTTP_STATUS);
        if (!comeBackLater(status, session.getString(SHED))) {
            times.record(step, session.getInt(MILLIS));
            if (status >= 500) {
                answers.count("5xx: " + step + " " + status);
            } else if (session.isFailed()) {
                answers.count("unexpected answer: " + step + " " + status);
            }
            return session;
        }
        answers.count((status == 429 ? "429 join limit: " : "shed: ") + step);
        int retries = session.getInt(RETRIES);
        if (retries >= maxRetries) {
            answers.count("still shed after shed.retries: " + step);
            return session.markAsFailed();
        }
        return session.set(RETRIES, retries + 1).set(AGAIN, true);
    }

    private static boolean comeBackLater(int status, String shedHeader) {
        return status == 429 || (status == 503 && "1".equals(shedHeader));
    }

    /** Retry-After in seconds (what the services send); one second if it is missing or an HTTP date. */
    private static Duration retryAfter(Session session) {
        String value = session.getString(RETRY_AFTER);
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value == null ? "1" : value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
