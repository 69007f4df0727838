package dev.ticketing.infra.audit;

import static dev.ticketing.infra.stack.ServiceName.CONCERT;
import static dev.ticketing.infra.stack.ServiceName.PAYMENT;
import static dev.ticketing.infra.stack.ServiceName.RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ticketing.audit.AuditReport;
import dev.ticketing.audit.Discrepancy;
import dev.ticketing.audit.Discrepancy.Kind;
import dev.ticketing.infra.stack.StackSettings;
import io.lettuce.core.XAddArgs;

/** The audit on real MariaDB schemas built by the services' Flyway scripts and a real Redis, as on a running stack. */
class ConsistencyAuditIT {

    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofMinutes(10));
    private static final String CONCERT_ID = "c0ncert0-0000-0000-0000-000000000001";

    @TempDir
    static Path dir;
    static ServiceStores stores;

    @BeforeAll
    static void startStores() {
        stores = ServiceStores.start(dir, 2);
    }

    @AfterAll
    static void stopStores() {
        stores.close();
    }

    @BeforeEach
    void cleanWorld() {
        stores.reset();
        stores.sql(CONCERT, "INSERT INTO concert (id, title, venue, created_at) VALUES (?, 'Night', 'Hall', ?)", CONCERT_ID, LONG_AGO);
        stores.sql(CONCERT, "INSERT INTO concert_date (id, concert_id, date, booking_opens_at, base_price) VALUES (1, ?, '2026-12-24', ?, 50000)",
                CONCERT_ID, LONG_AGO);
        stores.sql(CONCERT, "INSERT INTO seat (schedule_id, seat_number, price, status) SELECT 1, seq, 50000, 'AVAILABLE' FROM seq_1_to_50");
        hold("r-held", "u1", 1, Instant.now().plus(Duration.ofMinutes(4)));
        stores.redis().hset("queue:token:tok-r-held", java.util.Map.of("status", "ACTIVE", "concertId", CONCERT_ID, "userId", "u1"));
        stores.redis().zadd("queue:concert:" + CONCERT_ID + ":active", Instant.now().plusSeconds(300).toEpochMilli(), "tok-r-held");
        sale("r-sold", "u2", 2, 50_000);
        lateRefund("r-late", "u3", 3);
        for (var service : ServiceStores.WITH_SCHEMA) {
            stores.sql(service, "INSERT INTO outbox (event_id, topic, message_key, payload, created_at, sent_at) VALUES (?, 't', 'k', 'x', ?, ?)",
                    UUID.randomUUID().toString(), LONG_AGO, LONG_AGO);
            stores.sql(service, "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('c', ?, ?)",
                    UUID.randomUUID().toString(), LONG_AGO);
        }
    }

    @Test
    void aConsistentStackIsClean() {
        AuditReport report = ConsistencyAudit.run(stores.sources, SETTLE, Clock.systemUTC());

        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.summary()).startsWith("clean: 3 reservations, 2 held or sold seats, 2 payments, 2 balances, "
                + "0 events not yet on Kafka; 1 ACTIVE lines with 1 tokens (max 2 each)");
    }

    @Test
    void anUnreachableRedisLeavesTheQueueUncheckedAndSaysSo() {
        AuditSources noRedis = new AuditSources(stores.sources.concert(), stores.sources.reservation(), stores.sources.payment(),
                java.util.Optional.of(new AuditSources.Queue("127.0.0.1", dev.ticketing.infra.embedded.Ports.freePort(), 2)));

        AuditReport report = ConsistencyAudit.run(noRedis, SETTLE, Clock.systemUTC());

        assertThat(report.clean()).isTrue();
        assertThat(report.facts().queue()).isEmpty();
        assertThat(report.summary()).contains("queue not checked (Cannot read queue-service's Redis at 127.0.0.1:");
    }

    @Test
    void everyPlantedFaultIsFoundWithItsIds() {
        // Invariant 1 broken behind the unique key's back.
        stores.sql(RESERVATION, "ALTER TABLE reservation DROP INDEX uk_reservation_seat_taken");
        insertReservation("r-second", "u4", 2, "HELD", null, Instant.now().plusSeconds(200));
        stores.sql(CONCERT, "UPDATE seat SET status = 'SOLD', holder_reservation_id = 'ghost' WHERE schedule_id = 1 AND seat_number = 5");
        hold("r-stale", "u5", 6, Instant.now().minus(Duration.ofMinutes(1)));
        insertReservation("r-lost", "u6", 7, "EXPIRED", null, LONG_AGO);
        payment("p-lost", "r-lost", "u6", 50_000, "COMPLETED");
        money("u6", 50_000, 0);
        sale("r-cheap", "u7", 8, 40_000);
        insertReservation("r-free", "u8", 9, "CONFIRMED", null, LONG_AGO);
        seat(9, "SOLD", "r-free");
        sale("r-both", "u9", 10, 50_000);
        stores.sql(PAYMENT, "UPDATE payment SET status = 'REFUNDED' WHERE id = 'pay-r-both'");
        stores.sql(PAYMENT, "UPDATE balance SET amount = amount + 50000 WHERE user_id = 'u9'");
        money("u10", 0, 100);
        stores.sql(PAYMENT, "ALTER TABLE balance DROP CONSTRAINT ck_balance_amount_not_negative");
        money("u11", 0, -5);
        stores.sql(PAYMENT, "INSERT INTO outbox (event_id, topic, message_key, payload, created_at) VALUES ('stuck-event', 't', 'k', 'x', ?)", LONG_AGO);
        stores.sql(RESERVATION, "ALTER TABLE processed_event DROP PRIMARY KEY");
        stores.sql(RESERVATION, "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('reservation-service', 'twice', ?), "
                + "('reservation-service', 'twice', ?)", LONG_AGO, LONG_AGO);
        stores.redis().xadd("queue:outbox", new XAddArgs().id(LONG_AGO.toEpochMilli() + "-0"),
                java.util.Map.of("type", "TokenExpired", "eventId", "queue-stuck"));
        for (String token : List.of("a", "b", "c")) {
            activeToken("crowded", token, Instant.now().plusSeconds(60));
        }
        activeToken(CONCERT_ID, "tok-r-sold", Instant.now().plusSeconds(60));
        activeToken("overdue-concert", "overdue", Instant.now().minusSeconds(60));

        AuditReport report = ConsistencyAudit.run(stores.sources, SETTLE, Clock.systemUTC());

        assertThat(report.discrepancies()).extracting(Discrepancy::kind, Discrepancy::ids).containsExactlyInAnyOrder(
                tuple(Kind.SEAT_DOUBLE_OWNED, ids("seat", "1:2", "reservation", "r-second,r-sold")),
                tuple(Kind.SEAT_READ_MODEL_MISMATCH, ids("seat", "1:5", "reservation", "ghost")),
                tuple(Kind.HOLD_NOT_RELEASED, ids("reservation", "r-stale", "user", "u5", "seat", "1:6")),
                tuple(Kind.PAYMENT_WITHOUT_SEAT, ids("payment", "p-lost", "reservation", "r-lost", "user", "u6", "seat", "1:7")),
                tuple(Kind.PAYMENT_RESERVATION_MISMATCH, ids("payment", "pay-r-cheap", "reservation", "r-cheap", "user", "u7", "seat", "1:8")),
                tuple(Kind.SEAT_WITHOUT_PAYMENT, ids("reservation", "r-free", "user", "u8", "seat", "1:9")),
                tuple(Kind.REFUNDED_SEAT_CONFIRMED, ids("payment", "pay-r-both", "reservation", "r-both", "user", "u9", "seat", "1:10")),
                tuple(Kind.SEAT_WITHOUT_PAYMENT, ids("reservation", "r-both", "user", "u9", "payment", "pay-r-both", "seat", "1:10")),
                tuple(Kind.BALANCE_MISMATCH, ids("user", "u10")),
                tuple(Kind.BALANCE_MISMATCH, ids("user", "u11")),
                tuple(Kind.NEGATIVE_BALANCE, ids("user", "u11")),
                tuple(Kind.OUTBOX_STUCK, ids("service", "payment-service", "event", "stuck-event")),
                tuple(Kind.OUTBOX_STUCK, ids("service", "queue-service", "event", "queue-stuck")),
                tuple(Kind.INBOX_DUPLICATE, ids("service", "reservation-service", "consumer", "reservation-service", "event", "twice")),
                tuple(Kind.QUEUE_OVER_CAPACITY, ids("concert", "crowded")),
                tuple(Kind.TOKEN_OUTLIVED_RESERVATION, ids("token", "tok-r-sold", "concert", CONCERT_ID, "reservation", "r-sold", "user", "u2")),
                tuple(Kind.TOKEN_NOT_ENDED, ids("token", "overdue", "concert", "overdue-concert")));
        assertThat(report.discrepancies()).extracting(Discrepancy::kind).contains(Kind.values());
    }

    @Test
    void theStackCommandReadsTheRecordedStackAndExitsNonZeroOnADiscrepancy() throws Exception {
        RunningStack.record(stores.settings);
        // Run as from another terminal: the environment's ports and settings differ from what was recorded.
        StackSettings elsewhere = StackSettings.fromEnvironment(stores.settings.repositoryRoot())
                .withPorts(StackSettings.Ports.standard());
        elsewhere = new StackSettings(elsewhere.repositoryRoot(), stores.settings.dataDir(), elsewhere.ports(),
                elsewhere.serviceSettings(), elsewhere.adminKey(), elsewhere.serviceJvmOptions(), false);
        assertThat(Files.exists(stores.settings.dataDir().resolve("stack.properties"))).isTrue();

        assertThat(command(elsewhere)).isEqualTo("0\nclean: 3 reservations, 2 held or sold seats, 2 payments, 2 balances, "
                + "0 events not yet on Kafka; 1 ACTIVE lines with 1 tokens (max 2 each); settle window 5 s\n");

        stores.sql(PAYMENT, "UPDATE balance SET amount = amount + 1 WHERE user_id = 'u2'");
        assertThat(command(elsewhere)).startsWith("1\nBALANCE_MISMATCH user=u2: expected balance 30000").contains("\n1 discrepancies: ");
    }

    private static String command(StackSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditCommand.run(settings, List.of("--settle", "5s"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    private static java.util.Map<String, String> ids(String... namesAndValues) {
        return Discrepancy.ids(namesAndValues);
    }

    private static void hold(String id, String user, int seat, Instant expiresAt) {
        insertReservation(id, user, seat, "HELD", null, expiresAt);
        seat(seat, "HELD", id);
    }

    /** Charged 80,000 and paid the seat's price: the reservation CONFIRMED by the payment, the seat SOLD, the token ended. */
    private static void sale(String id, String user, int seat, long paid) {
        insertReservation(id, user, seat, "CONFIRMED", "pay-" + id, LONG_AGO);
        seat(seat, "SOLD", id);
        payment("pay-" + id, id, user, paid, "COMPLETED");
        money(user, 80_000, 80_000 - paid);
        stores.redis().hset("queue:token:tok-" + id, java.util.Map.of("status", "EXPIRED", "reason", "PAID"));
    }

    /** A payment that lost to its hold's expiry: reservation EXPIRED, the payment REFUNDED, the seat AVAILABLE. */
    private static void lateRefund(String id, String user, int seat) {
        insertReservation(id, user, seat, "EXPIRED", null, LONG_AGO);
        payment("pay-" + id, id, user, 50_000, "REFUNDED");
        money(user, 50_000, 50_000);
    }

    private static void insertReservation(String id, String user, int seat, String status, String paymentId, Instant expiresAt) {
        stores.sql(RESERVATION, """
                INSERT INTO reservation (id, user_id, concert_id, schedule_id, date, seat_number, price, token_id, status, payment_id,
                                         expires_at, created_at, updated_at)
                VALUES (?, ?, ?, '1', '2026-12-24', ?, 50000, ?, ?, ?, ?, ?, ?)""",
                id, user, CONCERT_ID, seat, "tok-" + id, status, paymentId, expiresAt, LONG_AGO, LONG_AGO);
    }

    private static void seat(int seat, String status, String holder) {
        stores.sql(CONCERT, "UPDATE seat SET status = ?, holder_reservation_id = ? WHERE schedule_id = 1 AND seat_number = ?",
                status, holder, seat);
    }

    private static void payment(String id, String reservationId, String user, long amount, String status) {
        stores.sql(PAYMENT, """
                INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?)""", id, reservationId, user, amount, status, LONG_AGO, LONG_AGO);
    }

    private static void money(String user, long charged, long balance) {
        if (charged > 0) {
            stores.sql(PAYMENT, "INSERT INTO balance_charge (id, user_id, amount, balance_after, charged_at) VALUES (?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), user, charged, charged, LONG_AGO);
        }
        stores.sql(PAYMENT, "INSERT INTO balance (user_id, amount, created_at, updated_at) VALUES (?, ?, ?, ?)", user, balance, LONG_AGO, LONG_AGO);
    }

    private static void activeToken(String concert, String token, Instant activeUntil) {
        stores.redis().hset("queue:token:" + token, java.util.Map.of("status", "ACTIVE", "concertId", concert));
        stores.redis().zadd("queue:concert:" + concert + ":active", activeUntil.toEpochMilli(), token);
    }
}
