package dev.ticketing.queue.waiting.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.RedisSystemException;

class RedisFailuresTest {

    /** What Lettuce says when Redis goes away before, or while, a command runs: all of it is a 503. */
    @ParameterizedTest
    @ValueSource(strings = {"Connection disconnected", "Connection closed",
            "Currently not connected. Commands are rejected."})
    void aConnectionThatIsGoneIsUnavailableHoweverSpringWrapsIt(String lettuceMessage) {
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("Redis exception",
                new RedisException(lettuceMessage)))).isTrue();
    }

    /** Seen in FaultInjectionIT as a poll's 500: Redis killed while a script was in flight. */
    @Test
    void aConnectionResetUnderACommandIsUnavailable() {
        assertThat(RedisFailures.isUnavailable(new RedisSystemException(
                "recvAddress(..) failed with error(-104): Connection reset by peer",
                new SocketException("recvAddress(..) failed with error(-104): Connection reset by peer"))))
                .isTrue();
    }

    /** Redis at maxmemory refuses writes, a script's too (its words, as a benchmark stack logged them). */
    @ParameterizedTest
    @ValueSource(strings = {"OOM command not allowed when used memory > 'maxmemory'.",
            "ERR Error running script (call to f_da618865414a52decce3f3b1d2e010cb5406da86): @user_script:144:"
                    + " @user_script: 144: -OOM command not allowed when used memory > 'maxmemory'."})
    void aFullRedisIsUnavailable(String redisMessage) {
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException(redisMessage)))).isTrue();
    }

    @Test
    void aScriptErrorIsOurFaultNotAnOutage() {
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("Redis exception",
                new RedisCommandExecutionException("ERR user_script:1: attempt to call a nil value")))).isFalse();
    }
}
