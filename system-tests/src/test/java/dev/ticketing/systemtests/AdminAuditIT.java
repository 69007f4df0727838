package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.Discrepancy;
import dev.ticketing.infra.audit.AuditSources;
import dev.ticketing.infra.audit.ConsistencyAudit;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/admin/audit} through the gateway: behind the admin key, clean after a real journey, and the same
 * discrepancies as {@code ./stack audit} when a store is broken on purpose.
 */
class AdminAuditIT {

    private static final String AUDIT = "/api/v1/admin/audit";
    private static final Map<String, String> ADMIN = Map.of("X-Admin-Key", SystemUnderTest.ADMIN_KEY);

    private final HttpApi api = SystemUnderTest.api();

    @Test
    void theAuditIsForAdminsOnly() {
        HttpApi.Response missing = api.get(AUDIT);
        HttpApi.Response wrong = api.get(AUDIT, Map.of("X-Admin-Key", "not-the-key"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("ADMIN_KEY_MISSING");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("ADMIN_KEY_INVALID");
    }

    @Test
    void aBadSettleWindowIsRefused() {
        for (String settle : List.of("-1", "abc", "3601", "1.5")) {
            HttpApi.Response response = api.get(AUDIT + "?settleSeconds=" + settle, ADMIN);

            assertThat(response.status()).as(settle).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.code()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void afterAPaidJourneyTheAuditThroughTheGatewayIsClean() {
        Concerts.Concert concert = Concerts.create("audit");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        fan.charge(80_000);
        String reservationId = fan.hold(concert, 7).json().path("reservationId").asString();
        assertThat(fan.pay(reservationId).status()).isEqualTo(201);

        // The seat's SOLD and the token's end travel through Kafka; the audit skips changes younger than its window.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = api.get(AUDIT + "?settleSeconds=1", ADMIN).json();
            assertThat(report.path("discrepancies").size()).as(report.toString()).isZero();
            assertThat(report.path("clean").asBoolean()).isTrue();
            assertThat(report.path("queueChecked").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.path("settleSeconds").asLong()).isEqualTo(1);
            assertThat(report.path("summary").asString()).startsWith("clean: ").contains(" payments, ");
        });
    }

    @Test
    void aBalanceWithoutChargesIsReportedWithItsUserLikeTheCommandLineAuditReportsIt() throws SQLException {
        String userId = UUID.randomUUID().toString();
        AuditSources.Database payment = AuditSources.of(SystemUnderTest.stack()).payment();
        try (Connection db = DriverManager.getConnection(payment.jdbcUrl(), payment.user(), payment.password())) {
            execute(db, "INSERT INTO balance (user_id, amount, version, created_at, updated_at) "
                    + "VALUES (?, 100, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", userId);
            try {
                HttpApi.Response response = api.get(AUDIT, ADMIN);

                assertThat(response.status()).isEqualTo(200);
                JsonNode report = response.json();
                assertThat(report.path("clean").asBoolean()).isFalse();
                List<String> lines = new ArrayList<>();
                report.path("discrepancies").forEach(d -> lines.add(d.path("line").asString()));
                JsonNode mismatch = findKind(report, "BALANCE_MISMATCH", userId);
                assertThat(mismatch.path("ids").path("user").asString()).isEqualTo(userId);
                assertThat(ConsistencyAudit.run(AuditSources.of(SystemUnderTest.stack())).stream().map(Discrepancy::line))
                        .as("./stack audit sees the same").contains(mismatch.path("line").asString());
                assertThat(lines).anyMatch(line -> line.contains(userId));
            } finally {
                execute(db, "DELETE FROM balance WHERE user_id = ?", userId);
            }
        }
    }

    private static JsonNode findKind(JsonNode report, String kind, String userId) {
        for (JsonNode discrepancy : report.path("discrepancies")) {
            if (kind.equals(discrepancy.path("kind").asString()) && userId.equals(discrepancy.path("ids").path("user").asString())) {
                return discrepancy;
            }
        }
        throw new AssertionError("no " + kind + " for user " + userId + " in " + report);
    }

    private static void execute(Connection db, String sql, String userId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, userId);
            statement.executeUpdate();
        }
    }
}
