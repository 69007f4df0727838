package dev.ticketing.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes sent outbox rows and remembered inbox ids once past their retention. Run by the active relay,
 * so under its lease: one instance deletes, in small chunks that never hold many locks at once.
 */
class RetentionCleanup {

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);
    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration sentRetention;
    private final Duration inboxRetention;
    private final Duration interval;
    private Instant lastRun = Instant.MIN;

    RetentionCleanup(JdbcTemplate jdbc, Clock clock, Duration sentRetention, Duration inboxRetention,
                     Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sentRetention = sentRetention;
        this.inboxRetention = inboxRetention;
        this.interval = interval;
    }

    /** Called from the relay thread only. */
    void runIfDue() {
        Instant now = clock.instant();
        if (lastRun.plus(interval).isAfter(now)) {
            return;
        }
        lastRun = now;
        int outbox = deleteInChunks("DELETE FROM outbox WHERE sent_at < ? ORDER BY sent_at, id LIMIT ?",
                now.minus(sentRetention));
        int inbox = deleteInChunks("DELETE FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT ?",
                now.minus(inboxRetention));
        if (outbox + inbox > 0) {
            log.info("outbox cleanup deleted sentRows={} processedEvents={}", outbox, inbox);
        }
    }

    private int deleteInChunks(String sql, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, OutboxRows.utc(cutoff), CHUNK);
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
