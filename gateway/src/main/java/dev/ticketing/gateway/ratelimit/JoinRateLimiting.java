package dev.ticketing.gateway.ratelimit;

import java.time.Clock;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Wires the join limit and keeps Redis trouble from stalling joins. */
@Configuration(proxyBeanMethods = false)
public class JoinRateLimiting {

    @Bean
    JoinRateLimiter joinRateLimiter(JoinRateSettings settings, ReactiveStringRedisTemplate redis, Clock clock,
                                    MeterRegistry meters) {
        return new JoinRateLimiter(settings, redis, clock, meters);
    }

    /**
     * While the connection is down, Lettuce would queue commands until it reconnects: every join would wait for the
     * deadline and the queue would grow for as long as Redis is away. Refused at once, the join is decided locally.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
