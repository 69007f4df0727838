package dev.ticketing.queue.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.QueueEvent;

/**
 * One relay's reading position in the outbox and its connection: reads the next entries in stream order (waiting
 * up to {@link OutboxRelay#BLOCK} for new ones), publishes them, then deletes exactly those. Used by one thread.
 */
class OutboxForwarder {

    private static final Logger log = LoggerFactory.getLogger(OutboxForwarder.class);

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final RelayPublisher publisher;
    private final RelayMetrics metrics;
    /** Last forwarded entry; null means "from the oldest entry in the stream". */
    private String cursor;
    private RedisConnection connection;

    OutboxForwarder(RedisConnectionFactory connections, StringRedisTemplate redis, RelayPublisher publisher,
                    RelayMetrics metrics) {
        this.connections = connections;
        this.redis = redis;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    void forwardNextBatch() throws ExecutionException, TimeoutException, InterruptedException {
        if (connection == null) {
            // Its own connection: a blocking read must not hold up the shared one that serves requests.
            connection = connections.getConnection();
        }
        List<StringRecord> entries = new DefaultStringRedisConnection(connection).xReadAsString(
                StreamReadOptions.empty().count(OutboxRelay.BATCH).block(OutboxRelay.BLOCK),
                StreamOffset.create(OutboxStream.KEY, ReadOffset.from(cursor == null ? "0-0" : cursor)));
        if (entries == null || entries.isEmpty()) {
            return;
        }
        List<EventEnvelope<QueueEvent>> events = new ArrayList<>(entries.size());
        for (StringRecord entry : entries) {
            try {
                events.add(QueueEventEntries.envelopeOf(entry.getValue()));
            } catch (IllegalArgumentException e) {
                setAside(entry, e);
            }
        }
        publisher.publish(events);
        redis.opsForStream().delete(OutboxStream.KEY, entries.stream().map(StringRecord::getId).toArray(RecordId[]::new));
        metrics.published(entries);
        cursor = entries.getLast().getId().getValue();
    }

    /** After a failure, or when the lease changes hands: start again from the oldest entry still there. */
    void restartFromOldest() {
        cursor = null;
        close();
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("outbox_relay_connection_close_failed cause=\"{}\"", e.toString());
            }
            connection = null;
        }
    }

    /** An entry that can never become an event (a defect): kept aside with an error log, never silently dropped. */
    private void setAside(StringRecord entry, IllegalArgumentException problem) {
        log.error("outbox_entry_unreadable id={} entry={} cause=\"{}\"", entry.getId(), entry.getValue(),
                problem.getMessage());
        redis.opsForStream().add(StringRecord.of(entry.getValue()).withStreamKey(OutboxRelay.DEAD_ENTRIES));
    }
}
