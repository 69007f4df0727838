package dev.ticketing.payment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.ticketing.testsupport.TestInfrastructure;

/**
 * V4 rebuilds the balance history of a database that already has charges, payments and refunds: one entry each,
 * in the order they happened, each with the balance it left.
 */
class LedgerBackfillIT {

    private static final String ANA = "00000000-0000-0000-0000-00000000000a";
    private static final String BEN = "00000000-0000-0000-0000-00000000000b";

    @Test
    void theHistoryOfExistingMoneyIsRebuiltInTheOrderItMoved() {
        TestInfrastructure.Database db = TestInfrastructure.get().database("ledger_backfill_db");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        migrateTo(dataSource, "3");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        charge(jdbc, "c1", ANA, 50_000, 50_000, "2026-11-01 10:00:00");
        charge(jdbc, "c2", BEN, 7_000, 7_000, "2026-11-01 10:00:01");
        payment(jdbc, "p1", ANA, 30_000, 20_000, "REFUNDED", "2026-11-01 11:00:00", "2026-11-01 11:05:00");
        charge(jdbc, "c3", ANA, 1_000, 21_000, "2026-11-01 11:02:00");
        payment(jdbc, "p2", ANA, 21_000, 30_000, "COMPLETED", "2026-11-01 11:06:00", "2026-11-01 11:06:00");

        migrateTo(dataSource, "latest");

        List<Map<String, Object>> anas = jdbc.queryForList("""
                SELECT kind, amount, balance_after, payment_id FROM balance_entry WHERE user_id = ? ORDER BY seq""", ANA);
        assertThat(anas).extracting(row -> row.get("kind")).containsExactly("CHARGE", "PAYMENT", "CHARGE", "REFUND",
                "PAYMENT");
        assertThat(anas).extracting(row -> ((Number) row.get("amount")).longValue())
                .containsExactly(50_000L, -30_000L, 1_000L, 30_000L, -21_000L);
        assertThat(anas).extracting(row -> ((Number) row.get("balance_after")).longValue())
                .containsExactly(50_000L, 20_000L, 21_000L, 51_000L, 30_000L);
        assertThat(anas).extracting(row -> row.get("payment_id")).containsExactly(null, id("p1"), null, id("p1"),
                id("p2"));
        assertThat(jdbc.queryForList("SELECT balance_after FROM balance_entry WHERE user_id = ?", Long.class, BEN))
                .containsExactly(7_000L);
    }

    private static void migrateTo(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void charge(JdbcTemplate jdbc, String id, String user, long amount, long after, String at) {
        jdbc.update("INSERT INTO balance_charge (id, user_id, amount, balance_after, charged_at) VALUES (?, ?, ?, ?, ?)",
                id(id), user, amount, after, at);
    }

    private static void payment(JdbcTemplate jdbc, String id, String user, long amount, long after, String status,
                                String createdAt, String updatedAt) {
        jdbc.update("""
                INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id(id), id("r" + id), user, amount, after, status, createdAt,
                updatedAt);
    }

    /** A readable fixed id: "p1" becomes a UUID ending in its hex of "p1". */
    private static String id(String name) {
        String hex = String.format("%012x", new BigInteger(1, name.getBytes(StandardCharsets.US_ASCII)));
        return "00000000-0000-0000-0000-" + hex.substring(hex.length() - 12);
    }
}
