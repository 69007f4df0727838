package dev.ticketing.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ticketing.audit.AuditFacts.InboxDuplicate;
import dev.ticketing.audit.AuditFacts.OutboxBacklog;

/**
 * One service's schema, read in a single REPEATABLE READ transaction so that everything read from it is one
 * consistent snapshot (a charge committed halfway through cannot make the balances disagree). Read-only.
 */
final class SchemaReader implements AutoCloseable {

    /** Reads one row of a query's result. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String service;
    private final Connection connection;

    private SchemaReader(String service, Connection connection) {
        this.service = service;
        this.connection = connection;
    }

    /**
     * Starts the read-only snapshot on {@code connection}, which the reader then owns: {@link #close()} ends the
     * transaction and closes it (a pooled connection goes back to its pool, which restores its settings).
     */
    static SchemaReader over(String service, Connection connection) {
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            return new SchemaReader(service, connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new AuditUnavailable("Cannot read " + service + "'s schema: " + e.getMessage(), e);
        }
    }

    String service() {
        return service;
    }

    <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new AuditUnavailable("Cannot read " + service + " (" + sql.strip().lines().findFirst().orElse(sql) + "): "
                    + e.getMessage(), e);
        }
    }

    boolean hasTable(String table) {
        return !list("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
                rs -> 1, table).isEmpty();
    }

    boolean hasColumn(String table, String column) {
        return !list("SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?",
                rs -> 1, table, column).isEmpty();
    }

    /** common-messaging's outbox, when this schema has one and something in it is unsent. */
    Optional<OutboxBacklog> outboxBacklog() {
        if (!hasTable("outbox")) {
            return Optional.empty();
        }
        return list("""
                SELECT event_id, created_at, (SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL)
                FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1""",
                rs -> new OutboxBacklog(service, rs.getLong(3), rs.getString(1), instant(rs, 2))).stream().findFirst();
    }

    /** common-messaging's inbox: an event recorded twice by one consumer (its primary key should make that impossible). */
    List<InboxDuplicate> inboxDuplicates() {
        if (!hasTable("processed_event")) {
            return List.of();
        }
        return list("SELECT consumer, event_id, COUNT(*) FROM processed_event GROUP BY consumer, event_id HAVING COUNT(*) > 1",
                rs -> new InboxDuplicate(service, rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** The services store UTC times in DATETIME columns. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // Nothing was written; the server ends the transaction with the connection.
        }
    }
}
