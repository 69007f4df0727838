package dev.ticketing.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.ticketing.messaging.relay.PendingEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL on the {@code outbox} table. Times are stored as UTC {@code DATETIME(3)}. */
class OutboxRows {

    private final JdbcTemplate jdbc;

    OutboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID eventId, String topic, String key, byte[] payload, Instant createdAt, String traceParent) {
        jdbc.update("INSERT INTO outbox (event_id, topic, message_key, payload, created_at, trace_parent) "
                + "VALUES (?, ?, ?, ?, ?, ?)", eventId.toString(), topic, key, payload, utc(createdAt), traceParent);
    }

    /** The oldest unsent rows, in id order (the order the relay publishes them in). */
    List<PendingEvent> nextUnsent(int limit) {
        return jdbc.query("SELECT id, event_id, topic, message_key, payload, created_at, trace_parent FROM outbox "
                + "WHERE sent_at IS NULL ORDER BY id LIMIT ?", OutboxRows::pendingEvent, limit);
    }

    /**
     * Marks exactly these rows sent. Never a range of ids: a row with an id inside the range may have been
     * invisible (its transaction not yet committed) when the batch was read, and must still be published.
     */
    void markSent(List<PendingEvent> events, Instant sentAt) {
        if (events.isEmpty()) {
            return;
        }
        String placeholders = String.join(",", Collections.nCopies(events.size(), "?"));
        Object[] args = new Object[events.size() + 1];
        args[0] = utc(sentAt);
        for (int i = 0; i < events.size(); i++) {
            args[i + 1] = Long.parseLong(events.get(i).id());
        }
        jdbc.update("UPDATE outbox SET sent_at = ? WHERE id IN (" + placeholders + ")", args);
    }

    long countUnsent() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
        return new PendingEvent(Long.toString(rs.getLong("id")), UUID.fromString(rs.getString("event_id")), rs.getString("topic"),
                rs.getString("message_key"), rs.getBytes("payload"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("trace_parent"));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
