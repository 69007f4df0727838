package dev.ticketing.queue.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.QueueEvent;
import dev.ticketing.messaging.relay.OutboxSource;
import dev.ticketing.messaging.relay.PendingEvent;

/**
 * The outbox stream {@code key} as the relay's source. Every read starts from the oldest entry, and exactly the
 * acknowledged entries are {@code XDEL}ed: the stream holds only what Kafka has not confirmed. An entry that can
 * never become an event (a defect) is set aside in {@code <key>:dead}.
 */
record RedisOutboxSource(StringRedisTemplate redis, EventSerde serde, String key, OutboxStreamReads reads)
        implements OutboxSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisOutboxSource.class);

    RedisOutboxSource(StringRedisTemplate redis, EventSerde serde, String key) {
        this(redis, serde, key, new OutboxStreamReads(redis.getRequiredConnectionFactory()));
    }

    @Override
    public String store() {
        return "redis";
    }

    @Override
    public List<PendingEvent> nextBatch(int limit, Duration wait) {
        List<PendingEvent> batch = new ArrayList<>();
        for (StringRecord entry : reads.oldest(key, limit, wait)) {
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
        reads.close();
    }

    /**
     * The entry carries the event id, so a re-read gives the same bytes; its id's time is when it was written; its
     * {@code traceparent}, when the script that wrote it had one, is the trace its publish continues.
     */
    private PendingEvent pendingEvent(StringRecord entry, EventEnvelope<QueueEvent> envelope) {
        return new PendingEvent(entry.getId().getValue(), envelope.eventId(), envelope.topic(), envelope.key(),
                serde.toBytes(envelope), Instant.ofEpochMilli(entry.getId().getTimestamp()),
                entry.getValue().get(QueueEventEntries.TRACE_PARENT));
    }

    /** Copied aside with an error log, then removed: never published, never lost. */
    private void setAside(StringRecord entry, IllegalArgumentException problem) {
        log.error("outbox_entry_unreadable id={} entry={} cause=\"{}\"", entry.getId(), entry.getValue(),
                problem.getMessage());
        redis.opsForStream().add(StringRecord.of(entry.getValue()).withStreamKey(key + ":dead"));
        redis.opsForStream().delete(key, entry.getId());
    }
}
