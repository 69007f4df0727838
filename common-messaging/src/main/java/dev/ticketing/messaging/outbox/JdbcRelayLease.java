package dev.ticketing.messaging.outbox;

import java.time.Duration;

import dev.ticketing.messaging.relay.RelayLease;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The right to relay, held by one instance of a service at a time: a row in {@code outbox_relay_lease}
 * taken and renewed by a conditional UPDATE. Expiry uses the database clock (UTC_TIMESTAMP), so instances
 * with skewed clocks still agree on when a lease has lapsed.
 *
 * <p>Why not let every instance relay with {@code SELECT ... FOR UPDATE SKIP LOCKED}? Because it breaks
 * per-key order: instance A locks rows 1-200, which include seat 42:17's ReservationHeld (id 5); instance B
 * skips them and takes rows 201-400, which include the same seat's HoldExpired (id 250). B can publish
 * before A, and consumers then see the seat released before it was held. Splitting rows by key across
 * instances would need partition ownership and rebalancing, i.e. a consumer group of our own; one active
 * relay is simpler and one producer is far faster than any service's write rate.
 */
class JdbcRelayLease implements RelayLease {

    static final String NAME = "outbox-relay";

    private final JdbcTemplate jdbc;

    JdbcRelayLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String owner, Duration duration) {
        return jdbc.update("UPDATE outbox_relay_lease SET owner = ?, "
                + "expires_at = TIMESTAMPADD(MICROSECOND, ?, UTC_TIMESTAMP(3)) "
                + "WHERE name = ? AND (owner = ? OR owner IS NULL OR expires_at < UTC_TIMESTAMP(3))",
                owner, duration.toNanos() / 1_000, NAME, owner) == 1;
    }

    @Override
    public void release(String owner) {
        jdbc.update("UPDATE outbox_relay_lease SET owner = NULL, expires_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(3)) "
                + "WHERE name = ? AND owner = ?", NAME, owner);
    }
}
