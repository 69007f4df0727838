package dev.ticketing.queue.outbox;

import java.time.Duration;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.events.EventSerde;
import dev.ticketing.messaging.MessagingProperties;

/**
 * The outbox stream and its lease, as common-messaging's relay source and lease: its auto-configuration builds
 * the relay from these two beans, with the {@code ticketing.messaging.relay.*} settings.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    RedisOutboxSource outboxSource(StringRedisTemplate redis, EventSerde serde, MessagingProperties messaging,
                                   DataRedisProperties redisSettings) {
        requireReadWithinCommandTimeout(messaging.relay().pollInterval(), redisSettings.getTimeout());
        return new RedisOutboxSource(redis, serde, OutboxStream.KEY);
    }

    @Bean
    RedisRelayLease outboxRelayLease(StringRedisTemplate redis) {
        return new RedisRelayLease(redis, OutboxStream.LEASE);
    }

    /** The relay's read blocks up to the poll interval; a command timeout cut before that would fail every idle round. */
    static void requireReadWithinCommandTimeout(Duration pollInterval, Duration commandTimeout) {
        if (commandTimeout != null && pollInterval.compareTo(commandTimeout) >= 0) {
            throw new IllegalStateException("ticketing.messaging.relay.poll-interval (" + pollInterval
                    + ") must be shorter than spring.data.redis.timeout (" + commandTimeout + "): the relay's "
                    + "XREAD BLOCK waits that long");
        }
    }
}
