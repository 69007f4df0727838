package dev.ticketing.queue.waiting.adapter.redis;

import java.io.IOException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Tells "Redis cannot be reached right now" (a 503: retry later) from a fault of ours, such as a script error,
 * which stays a 500. The client rejects commands while disconnected (see RedisClientConfiguration), so an
 * outage fails fast instead of waiting for the command timeout. A transport error under a command (an
 * {@link IOException}: the connection reset while Redis went down) is an outage too.
 */
public final class RedisFailures {

    private RedisFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof IOException || isRejectedWhileDisconnected(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
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
