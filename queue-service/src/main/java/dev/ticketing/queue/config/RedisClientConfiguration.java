package dev.ticketing.queue.config;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;

/**
 * How queue-service talks to Redis.
 * <ul>
 *   <li>Redis down must not make requests hang: while the client is disconnected it rejects commands at once
 *       (instead of queueing them until the command timeout, spring.data.redis.timeout), so joins and polls answer
 *       503 quickly, and it keeps reconnecting in the background.</li>
 *   <li>A reply is handed to Lettuce's computation threads, not processed on the connection's one I/O thread:
 *       everything after a script's reply (signing the token, writing the answer) would otherwise run on that one
 *       thread for every request of the instance. In an on-sale run it took half of the service's CPU samples,
 *       replies queued behind the signing, and hundreds of joins hit the 1 s command timeout while Redis answered
 *       each script in well under a millisecond.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer queueRedisClientOptions() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .publishOnScheduler(true);
    }
}
