package dev.ticketing.payment.support;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.Topics;
import dev.ticketing.testsupport.RealInfrastructure;

/**
 * Base of every *IT here: the service on a random port against the JVM's real Kafka and MariaDB, with
 * reservation-service played by a real HTTP stub and a clock the tests move. Every IT extends this unchanged,
 * so all of them share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A transient failure is retried within a fraction of a second instead of after 0.5 s and more.
        "ticketing.messaging.consumer.initial-backoff=20ms",
        "ticketing.messaging.consumer.max-backoff=100ms"})
@RealInfrastructure(database = "payment_db")
@AutoConfigureRestTestClient
@Import(IntegrationTestBeans.class)
public abstract class IntegrationScenario {

    protected static final ReservationServiceStub reservationService = ReservationServiceStub.shared();
    /** A hold far from running out, for tests that are not about expiry. */
    protected static final Duration HOLD = Duration.ofMinutes(5);

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TestClock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void reservationServiceIsTheStub(DynamicPropertyRegistry registry) {
        registry.add("ticketing.instances.reservation-service", reservationService::url);
    }

    protected PaymentApi api() {
        return new PaymentApi(port);
    }

    protected static UUID newUser() {
        return UUID.randomUUID();
    }

    /** A reservation HELD for the user, running out in {@link #HOLD}. */
    protected UUID holdFor(UUID userId, long price) {
        return reservationService.hold(userId, price, clock.instant().plus(HOLD));
    }

    protected long balanceRow(UUID userId) {
        return jdbc.queryForList("SELECT amount FROM balance WHERE user_id = ?", Long.class, userId.toString())
                .stream().findFirst().orElse(0L);
    }

    protected int paymentRows(UUID reservation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE reservation_id = ?", Integer.class,
                reservation.toString());
    }

    protected int outboxEvents(String eventType, String key) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM outbox WHERE topic = ? AND message_key = ?
                AND JSON_VALUE(CONVERT(payload USING utf8mb4), '$.eventType') = ?""",
                Integer.class, Topics.PAYMENT_EVENTS, key, eventType);
    }
}
