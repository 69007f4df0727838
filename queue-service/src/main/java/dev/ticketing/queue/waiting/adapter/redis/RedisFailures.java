package dev.ticketing.queue.waiting.adapter.redis;

import java.io.IOException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Tells "Redis cannot serve this right now" (a 503: retry later) from a fault of ours, such as a script error,
 * which stays a 500. The client rejects commands while disconnected (see RedisClientConfiguration), so an
 * outage fails fast instead of waiting for the command timeout. A transport error under a command (an
 * {@link IOException}: the connection reset while Redis went down) is an outage too, and so is a Redis that is
 * full: at {@code maxmemory} with no eviction (the queue's tokens must never be evicted) it refuses every write,
 * a script's before its first write, so nothing has changed (a benchmark stack that had taken about a million
 * joins answered 111,153 of them 500 before this).
 */
public final class RedisFailures {

    private RedisFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof IOException || isRejectedWhileDisconnected(t) || isFull(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Redis's own refusal at {@code maxmemory}, also when a script's write was refused ("@user_script:..: -OOM"). */
    private static boolean isFull(Throwable t) {
        String message = t.getMessage();
        return t instanceof io.lettuce.core.RedisException && message != null
                && message.contains("OOM command not allowed");
    }

    /**
     * Lettuce's own words for a connection that is gone: a command refused while disconnected ("not connected"),
     * or one in flight when the connection dropped ("Connection disconnected", "Connection closed").
     */
    private static boolean isRejectedWhileDisconnected(Throwable t) {
        String message = t.getMessage();
        return t instanceof io.lettuce.core.RedisException && message != null
                && (message.contains("not connected") || message.startsWith("Connection disconnected")
                        || message.startsWith("Connection closed"));
    }
}
