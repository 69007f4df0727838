package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.QueueEvent;
import dev.ticketing.messaging.relay.OutboxSource;
import dev.ticketing.messaging.relay.PendingEvent;

/**
 * The outbox stream as the relay's source. It reads from the oldest entry ({@code XREAD BLOCK}, so an entry
 * written by any instance ends the wait at once) and {@code XDEL}s exactly the acknowledged entries: the stream
 * holds only what Kafka has not confirmed, and every read starts again from what is left.
 */
class RedisOutboxSource implements OutboxSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisOutboxSource.class);

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final EventSerde serde;
    private final String key;
    private final String deadEntries;
    /** Only the relay thread reads (and the context's close after the relay stopped). */
    private RedisConnection connection;

    RedisOutboxSource(RedisConnectionFactory connections, StringRedisTemplate redis, EventSerde serde, String key,
                      String deadEntries) {
        this.connections = connections;
        this.redis = redis;
        this.serde = serde;
        this.key = key;
        this.deadEntries = deadEntries;
    }

    @Override
    public String store() {
        return "redis";
    }

    @Override
    public List<PendingEvent> nextBatch(int limit, Duration wait) {
        List<StringRecord> entries;
        try {
            entries = blockingConnection().xReadAsString(StreamReadOptions.empty().count(limit).block(wait),
                    StreamOffset.create(key, ReadOffset.from("0-0")));
        } catch (RuntimeException e) {
            close(); // the next read opens a fresh connection
            throw e;
        }
        List<PendingEvent> batch = new ArrayList<>();
        for (StringRecord entry : entries == null ? List.<StringRecord>of() : entries) {
            try {
                batch.add(pendingEvent(entry, QueueEventEntries.envelopeOf(entry.getValue())));
            } catch (IllegalArgumentException e) {
                setAside(entry, e);
            }
        }
        return batch;
    }

    @Override
    public void acknowledge(List<PendingEvent> published) {
        redis.opsForStream().delete(key, published.stream().map(event -> RecordId.of(event.id())).toArray(RecordId[]::new));
    }

    @Override
    public long pendingCount() {
        Long length = redis.opsForStream().size(key);
        return length == null ? 0 : length;
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

    /** Its own connection: a blocking read must not hold up the shared one that serves requests. */
    private DefaultStringRedisConnection blockingConnection() {
        if (connection == null) {
            connection = connections.getConnection();
        }
        return new DefaultStringRedisConnection(connection);
    }

    /** The entry carries the event id, so a re-read gives the same bytes; its id's time is when it was written. */
    private PendingEvent pendingEvent(StringRecord entry, EventEnvelope<QueueEvent> envelope) {
        return new PendingEvent(entry.getId().getValue(), envelope.eventId(), envelope.topic(), envelope.key(),
                serde.toBytes(envelope), Instant.ofEpochMilli(entry.getId().getTimestamp()));
    }

    /** An entry that can never become an event (a defect): copied aside with an error log, then removed, never lost. */
    private void setAside(StringRecord entry, IllegalArgumentException problem) {
        log.error("outbox_entry_unreadable id={} entry={} cause=\"{}\"", entry.getId(), entry.getValue(),
                problem.getMessage());
        redis.opsForStream().add(StringRecord.of(entry.getValue()).withStreamKey(deadEntries));
        redis.opsForStream().delete(key, entry.getId());
    }
}
