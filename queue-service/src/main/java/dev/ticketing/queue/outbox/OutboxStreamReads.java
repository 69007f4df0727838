package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;

/**
 * The relay's blocking reads of a stream, on a connection of its own (a blocking read must not hold up the shared
 * one that serves requests), opened on first use and again after a failure. Used by the relay thread only.
 */
final class OutboxStreamReads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxStreamReads.class);

    private final RedisConnectionFactory connections;
    private RedisConnection connection;

    OutboxStreamReads(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    /** Up to {@code count} entries from the oldest on ({@code XREAD BLOCK}): any new entry ends the wait at once. */
    List<StringRecord> oldest(String key, int count, Duration block) {
        try {
            if (connection == null) {
                connection = connections.getConnection();
            }
            List<StringRecord> entries = new DefaultStringRedisConnection(connection).xReadAsString(
                    StreamReadOptions.empty().count(count).block(block), StreamOffset.create(key, ReadOffset.from("0-0")));
            return entries == null ? List.of() : entries;
        } catch (RuntimeException e) {
            close(); // the next read opens a fresh connection
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("outbox_relay_connection_close_failed cause=\"{}\"", e.toString());
            }
            connection = null;
        }
    }
}
