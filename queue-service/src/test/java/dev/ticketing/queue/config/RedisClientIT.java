package dev.ticketing.queue.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.ticketing.queue.QueueServiceIntegrationTest;

class RedisClientIT extends QueueServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void whatFollowsARedisReplyRunsOffTheConnectionsIoThread() {
        String key = "test:reply-thread:" + UUID.randomUUID();

        String thread = redis.opsForValue().set(key, "x")
                .then(redis.opsForValue().get(key))
                .map(value -> Thread.currentThread().getName())
                .block(PATIENCE);
        redis.delete(key).block(PATIENCE);

        // The connection's I/O thread (lettuce-epollEventLoop-…, lettuce-nioEventLoop-…) only reads replies.
        assertThat(thread).doesNotMatch("lettuce-\\w*EventLoop-.*");
    }
}
