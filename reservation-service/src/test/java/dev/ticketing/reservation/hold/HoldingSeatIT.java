package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.PaymentEventsPublisher;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationEventsProbe;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.TestClock;

@ReservationIntegrationTest
class HoldingSeatIT {

    @Autowired
    RestTestClient http;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final CatalogStub catalog = CatalogStub.get();
    private final ConcertDate date = catalog.openDate();

    @Test
    void aHoldIsCreatedAtTheCatalogPriceForTheHoldTtlAndAnnouncedOnKafkaAfterCommit() {
        Fan fan = Fan.admittedTo(date.concertId());
        double heldBefore = holds("held");
        try (ReservationEventsProbe events = ReservationEventsProbe.fromNow(kafka)) {
            ReservationBody body = fan.hold(http, date.date(), 7)
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", "/api/v1/reservations/[0-9a-f-]{36}")
                    .expectBody(ReservationBody.class).returnResult().getResponseBody();

            assertThat(body.concertId()).isEqualTo(date.concertId());
            assertThat(body.date()).isEqualTo(date.date());
            assertThat(body.seatNumber()).isEqualTo(7);
            assertThat(body.price()).isEqualTo(CatalogStub.priceOf(7));
            assertThat(body.status()).isEqualTo("HELD");
            assertThat(body.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

            ReservationEventsProbe.Received received = events.awaitEvent(ReservationHeld.class, body.reservationId());
            ReservationHeld held = (ReservationHeld) received.event();
            assertThat(received.key()).isEqualTo(date.scheduleId() + ":7");
            assertThat(received.envelope().aggregateId()).isEqualTo(body.reservationId().toString());
            assertThat(held.userId()).isEqualTo(fan.userId());
            assertThat(held.tokenId()).isEqualTo(fan.tokenId());
            assertThat(held.scheduleId()).isEqualTo(date.scheduleId());
            assertThat(held.price()).isEqualTo(CatalogStub.priceOf(7));
            assertThat(held.expiresAt()).isEqualTo(body.expiresAt());
        }
        assertThat(holds("held")).isEqualTo(heldBefore + 1);
    }

    @Test
    void aTokenCannotHoldASecondSeat() {
        Fan fan = Fan.admittedTo(date.concertId());
        double before = holds("hold_limit");
        fan.hold(http, date.date(), 1).expectStatus().isCreated();

        expectProblem(fan.hold(http, date.date(), 2), 409, "HOLD_LIMIT");

        assertThat(holds("hold_limit")).isEqualTo(before + 1);
        Fan.admittedTo(date.concertId()).hold(http, date.date(), 2).expectStatus().isCreated();
    }

    @Test
    void aHeldSeatIsUnavailableToEveryoneElse() {
        double before = holds("seat_unavailable");
        Fan.admittedTo(date.concertId()).hold(http, date.date(), 3).expectStatus().isCreated();

        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 3), 409, "SEAT_UNAVAILABLE");

        assertThat(holds("seat_unavailable")).isEqualTo(before + 1);
        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(date.scheduleId())).isEqualTo(1);
    }

    @Test
    void aSoldSeatIsUnavailable() {
        Fan buyer = Fan.admittedTo(date.concertId());
        UUID reservationId = buyer.hold(http, date.date(), 4).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody().reservationId();
        try (PaymentEventsPublisher payments = new PaymentEventsPublisher(kafka)) {
            payments.publish(new PaymentCompleted(UUID.randomUUID(), reservationId, buyer.userId(), buyer.tokenId(),
                    CatalogStub.priceOf(4), 0, clock.instant()), clock);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> new ReservationTable(jdbc).status(reservationId).equals("CONFIRMED"));

        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date(), 4), 409, "SEAT_UNAVAILABLE");
        // The buyer's token no longer holds a seat once it is sold, so it is not the reason for the refusal.
        expectProblem(buyer.hold(http, date.date(), 4), 409, "SEAT_UNAVAILABLE");
    }

    private double holds(String outcome) {
        return meters.counter("ticketing.reservation.holds", "outcome", outcome).count();
    }

}
