package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.PaymentEventsPublisher;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.SettlementStub;
import dev.ticketing.reservation.testing.TestClock;

/**
 * DESIGN.md invariant 4: a payment answered 201 always keeps its seat, whatever the timing of Kafka, the consumer
 * or the sweep. payment-service claims the hold before it charges; a claimed hold whose time is up is ended only
 * by payment-service's settlement (here a stub): paid → CONFIRMED without waiting for PaymentCompleted, void →
 * EXPIRED, no answer → still HELD.
 */
@ReservationIntegrationTest
class PaymentClaimIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final ConcertDate date = CatalogStub.get().openDate();
    private final SettlementStub settlements = SettlementStub.get();
    private PaymentEventsPublisher payments;
    private ReservationTable table;

    @BeforeEach
    void connect() {
        payments = new PaymentEventsPublisher(kafka);
        table = new ReservationTable(jdbc);
    }

    @AfterEach
    void disconnect() {
        payments.close();
    }

    @Test
    void aHoldPaidJustBeforeItsExpiryIsConfirmedEvenWhenPaymentCompletedArrivesLongAfter() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 1);
        clock.moveTo(held.expiresAt().minusMillis(100));
        claim(fan, held.reservationId()).expectStatus().isOk().expectBody()
                .jsonPath("$.claimed").isEqualTo(true)
                .jsonPath("$.tokenId").isEqualTo(fan.tokenId().toString())
                .jsonPath("$.concertId").isEqualTo(date.concertId().toString());
        UUID paymentId = UUID.randomUUID();
        settlements.paid(held.reservationId(), paymentId, fan.userId(), held.price());

        // The payment committed in time; its PaymentCompleted is stuck (consumer, relay or Kafka lagging).
        clock.moveTo(held.expiresAt().plusSeconds(60));

        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("CONFIRMED"));
        assertThat(jdbc.queryForObject("SELECT payment_id FROM reservation WHERE id = ?", String.class,
                held.reservationId().toString())).isEqualTo(paymentId.toString());

        EventEnvelope<PaymentCompleted> late = payments.publish(new PaymentCompleted(paymentId, held.reservationId(),
                fan.userId(), fan.tokenId(), held.price(), 0, held.expiresAt().minusMillis(100)), clock);
        await().atMost(PATIENCE).until(() -> table.processed(late.eventId()));
        assertThat(table.status(held.reservationId())).isEqualTo("CONFIRMED");
        assertThat(eventsOf(held)).containsExactlyInAnyOrderEntriesOf(
                Map.of("ReservationHeld", 1L, "ReservationConfirmed", 1L));
    }

    @Test
    void aClaimedHoldThatWasNotPaidIsReleasedOnceVoided() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 2);
        claim(fan, held.reservationId()).expectStatus().isOk().expectBody().jsonPath("$.claimed").isEqualTo(true);

        clock.moveTo(held.expiresAt().plusSeconds(1));
        // payment-service cannot answer yet: the hold stays, since a payment may have committed.
        await().atMost(PATIENCE).until(() -> settlements.requestsFor(held.reservationId()) >= 3);
        assertThat(table.status(held.reservationId())).isEqualTo("HELD");

        settlements.voided(held.reservationId());

        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("EXPIRED"));
        assertThat(eventsOf(held)).containsExactlyInAnyOrderEntriesOf(
                Map.of("ReservationHeld", 1L, "HoldExpired", 1L));
    }

    @Test
    void anUnclaimedHoldExpiresWithoutAskingPaymentService() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 3);

        clock.moveTo(held.expiresAt());

        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("EXPIRED"));
        assertThat(settlements.requestsFor(held.reservationId())).isZero();
    }

    @Test
    void aHoldWhoseTimeIsUpCannotBeClaimed() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 4);
        clock.moveTo(held.expiresAt());

        claim(fan, held.reservationId()).expectStatus().isOk().expectBody().jsonPath("$.claimed").isEqualTo(false);
        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("EXPIRED"));
        claim(fan, held.reservationId()).expectStatus().isOk().expectBody()
                .jsonPath("$.claimed").isEqualTo(false)
                .jsonPath("$.status").isEqualTo("EXPIRED");
    }

    @Test
    void onlyTheOwnerWithATokenOfTheConcertClaimsAHold() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 5);

        expectProblem(claim(Fan.admittedTo(date.concertId()), held.reservationId()), 404, "RESERVATION_NOT_FOUND");
        claim(new Fan(fan.userId(), UUID.randomUUID(), UUID.randomUUID()), held.reservationId())
                .expectStatus().isOk().expectBody().jsonPath("$.claimed").isEqualTo(false);

        clock.moveTo(held.expiresAt());
        await().atMost(PATIENCE).until(() -> table.status(held.reservationId()).equals("EXPIRED"));
        assertThat(settlements.requestsFor(held.reservationId())).isZero();
    }

    @Test
    void aTokenThatBoughtItsSeatCannotHoldAnother() {
        Fan fan = Fan.admittedTo(date.concertId());
        ReservationBody held = hold(fan, 6);
        EventEnvelope<PaymentCompleted> paid = payments.publish(new PaymentCompleted(UUID.randomUUID(),
                held.reservationId(), fan.userId(), fan.tokenId(), held.price(), 0, clock.instant()), clock);
        await().atMost(PATIENCE).until(() -> table.processed(paid.eventId()));
        assertThat(table.status(held.reservationId())).isEqualTo("CONFIRMED");

        expectProblem(fan.hold(http, date.date(), 7), 409, "HOLD_LIMIT");
        fan.withNewToken().hold(http, date.date(), 7).expectStatus().isCreated();
    }

    @Test
    void aDateThatIsOverCannotBeHeld() {
        ConcertDate over = CatalogStub.get().pastDate();
        Fan fan = Fan.admittedTo(over.concertId());

        expectProblem(fan.hold(http, over.date(), 1), 404, "DATE_NOT_FOUND");
        assertThat(table.reservationsOfSchedule(over.scheduleId())).isZero();
    }

    private ReservationBody hold(Fan fan, int seat) {
        return fan.hold(http, date.date(), seat).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec claim(Fan fan, UUID reservationId) {
        return http.post().uri("/internal/v1/reservations/{id}/payment-claim", reservationId)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"userId":"%s","concertId":"%s"}""".formatted(fan.userId(), fan.concertId()))
                .exchange();
    }

    private Map<String, Long> eventsOf(ReservationBody held) {
        return table.outboxEventsOfSeat(date.scheduleId(), held.seatNumber()).stream()
                .filter(event -> event.reservationId().equals(held.reservationId()))
                .collect(Collectors.groupingBy(event -> event.getClass().getSimpleName(), Collectors.counting()));
    }
}
