package dev.ticketing.messaging.testapp;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the tests read back from the outbox table. */
@Component
public class OutboxTable {

    private final JdbcTemplate jdbc;

    OutboxTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(UUID eventId) {
        return count("SELECT COUNT(*) FROM outbox WHERE event_id = ?", eventId) == 1;
    }

    public boolean isUnsent(UUID eventId) {
        return count("SELECT COUNT(*) FROM outbox WHERE event_id = ? AND sent_at IS NULL", eventId) == 1;
    }

    public boolean allSent(Collection<UUID> eventIds) {
        return eventIds.stream().noneMatch(this::isUnsent);
    }

    public byte[] payloadOf(UUID eventId) {
        return jdbc.queryForObject("SELECT payload FROM outbox WHERE event_id = ?", byte[].class, eventId.toString());
    }

    public String traceParentOf(UUID eventId) {
        return jdbc.queryForObject("SELECT trace_parent FROM outbox WHERE event_id = ?", String.class,
                eventId.toString());
    }

    public String leaseOwner() {
        List<String> owners = jdbc.queryForList("SELECT owner FROM outbox_relay_lease", String.class);
        return owners.isEmpty() ? null : owners.getFirst();
    }

    private int count(String sql, UUID eventId) {
        Integer count = jdbc.queryForObject(sql, Integer.class, eventId.toString());
        return count == null ? 0 : count;
    }
}
