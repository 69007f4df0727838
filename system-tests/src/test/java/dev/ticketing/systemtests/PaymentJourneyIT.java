package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The whole journey through the gateway; HOLD_TTL is PT3S, so each scenario pays promptly after holding. */
class PaymentJourneyIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

    @Test
    void aFanJoinsHoldsPaysAndGetsTheSeat() {
        Concerts.Concert concert = Concerts.create("journey");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        Fan observer = new Fan().join(concert.concertId()).awaitActive();

        JsonNode dates = fan.get("/api/v1/concerts/" + concert.concertId() + "/dates").json();
        assertThat(dates.get(0).path("date").asString()).isEqualTo(concert.date().toString());
        assertThat(dates.get(0).path("totalSeats").asInt()).isEqualTo(50);
        assertThat(fan.seats(concert)).hasSize(50);
        assertThat(fan.charge(80_000).json().path("balance").asLong()).isEqualTo(80_000);

        String reservationId = fan.hold(concert, 5).json().path("reservationId").asString();
        HttpApi.Response payment = fan.pay(reservationId);

        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        assertThat(payment.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(payment.json().path("amount").asLong()).isEqualTo(Concerts.PRICE);
        assertThat(payment.json().path("balance").asLong()).isEqualTo(80_000 - Concerts.PRICE);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(observer.seatStatus(concert, 5)).isEqualTo("SOLD");
            assertThat(fan.get("/api/v1/balance").status()).isEqualTo(401);
        });

        fan.rejoin();
        assertThat(fan.get("/api/v1/reservations/" + reservationId).json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(fan.balance()).isEqualTo(80_000 - Concerts.PRICE);
        HttpApi.Response paymentView = fan.get("/api/v1/payments/" + payment.json().path("paymentId").asString());
        assertThat(paymentView.status()).isEqualTo(200);
    }

    @Test
    void aFanWhoLostTheReservationIdFindsTheTicketThroughTheirListsAlone() {
        Concerts.Concert concert = Concerts.create("my-tickets");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        fan.charge(100_000);
        String paymentId = fan.pay(fan.hold(concert, 21).json().path("reservationId").asString())
                .json().path("paymentId").asString();

        // The paid token ends; any valid token of the fan reads their lists, WAITING or ACTIVE.
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(fan.get("/api/v1/balance").status()).isEqualTo(401));
        fan.rejoin();
        JsonNode ticket = fan.get("/api/v1/reservations?status=CONFIRMED").json().path("items").get(0);
        JsonNode paid = fan.get("/api/v1/payments?limit=1").json().path("items").get(0);
        JsonNode history = fan.get("/api/v1/balance/history").json().path("items");

        assertThat(ticket.path("concertId").asString()).isEqualTo(concert.concertId());
        assertThat(ticket.path("title").asString()).isEqualTo(concert.title());
        assertThat(ticket.path("date").asString()).isEqualTo(concert.date().toString());
        assertThat(ticket.path("seatNumber").asInt()).isEqualTo(21);
        assertThat(ticket.path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(paid.path("paymentId").asString()).isEqualTo(paymentId);
        assertThat(paid.path("reservationId").asString()).isEqualTo(ticket.path("reservationId").asString());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("kind").asString()).isEqualTo("PAYMENT");
        assertThat(history.get(0).path("amount").asLong()).isEqualTo(-Concerts.PRICE);
        assertThat(history.get(0).path("balanceAfter").asLong()).isEqualTo(fan.balance());
        assertThat(history.get(1).path("kind").asString()).isEqualTo("CHARGE");
        assertThat(new Fan().join(concert.concertId()).get("/api/v1/reservations").json().path("items")).isEmpty();
    }

    @Test
    void insufficientBalanceChangesNothingAndPayingAfterACharge() {
        Concerts.Concert concert = Concerts.create("insufficient");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        String reservationId = fan.hold(concert, 9).json().path("reservationId").asString();

        HttpApi.Response refused = fan.pay(reservationId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(fan.balance()).isZero();
        assertThat(fan.get("/api/v1/reservations/" + reservationId).json().path("status").asString()).isEqualTo("HELD");

        fan.charge(Concerts.PRICE);
        HttpApi.Response paid = fan.pay(reservationId);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("balance").asLong()).isZero();
    }

    @Test
    void nobodyPaysForOrSeesAnotherFansReservation() {
        Concerts.Concert concert = Concerts.create("not-yours");
        Fan owner = new Fan().join(concert.concertId()).awaitActive();
        Fan other = new Fan().join(concert.concertId()).awaitActive();
        other.charge(200_000);
        String reservationId = owner.hold(concert, 12).json().path("reservationId").asString();

        HttpApi.Response payment = other.pay(reservationId);
        HttpApi.Response view = other.get("/api/v1/reservations/" + reservationId);

        assertThat(payment.status()).isEqualTo(404);
        assertThat(view.status()).isEqualTo(404);
        assertThat(other.balance()).isEqualTo(200_000);
        assertThat(owner.get("/api/v1/reservations/" + reservationId).json().path("status").asString()).isEqualTo("HELD");
    }

    @Test
    void payingAnExpiredHoldIsRefusedAndTakesNoMoney() {
        Concerts.Concert concert = Concerts.create("expired-hold");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        fan.charge(Concerts.PRICE);
        JsonNode hold = fan.hold(concert, 20).json();
        Instant expiresAt = Instant.parse(hold.path("expiresAt").asString());

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt));
        HttpApi.Response late = fan.pay(hold.path("reservationId").asString());

        assertThat(late.status()).isIn(401, 409);
        assertThat(late.code()).isIn("TOKEN_EXPIRED", "HOLD_EXPIRED");
        fan.rejoin();
        assertThat(fan.balance()).isEqualTo(Concerts.PRICE);
    }

    /**
     * DESIGN.md invariant 4 at the edge: payments sent just before, at and just after the hold's expiry. Every one
     * answered 201 ends CONFIRMED with its seat SOLD and its money taken once (never refunded); every refusal
     * takes no money and frees the seat.
     */
    @ParameterizedTest
    @ValueSource(ints = {150, 60, 20, 0, -40})
    void aPaymentAtTheHoldsLastMomentEitherKeepsTheSeatOrTakesNothing(int millisBeforeExpiry) {
        Concerts.Concert concert = Concerts.create("last-moment-" + millisBeforeExpiry);
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        Fan observer = new Fan().join(concert.concertId()).awaitActive();
        fan.charge(Concerts.PRICE);
        JsonNode hold = fan.hold(concert, 30).json();
        String reservationId = hold.path("reservationId").asString();
        Instant sendAt = Instant.parse(hold.path("expiresAt").asString()).minusMillis(millisBeforeExpiry);
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> !Instant.now().isBefore(sendAt));

        HttpApi.Response payment = fan.pay(reservationId);

        if (payment.status() == 201) {
            await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(observer.seatStatus(concert, 30)).isEqualTo("SOLD"));
            fan.rejoin();
            assertThat(fan.get("/api/v1/reservations/" + reservationId).json().path("status").asString())
                    .isEqualTo("CONFIRMED");
            assertThat(fan.get("/api/v1/payments/" + payment.json().path("paymentId").asString()).json()
                    .path("status").asString()).isEqualTo("COMPLETED");
            assertThat(fan.balance()).isZero();
        } else {
            assertThat(payment.status()).as(payment.body()).isIn(401, 409);
            assertThat(payment.code()).isIn("TOKEN_EXPIRED", "HOLD_EXPIRED");
            await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(observer.seatStatus(concert, 30)).isEqualTo("AVAILABLE"));
            fan.rejoin();
            assertThat(fan.get("/api/v1/reservations/" + reservationId).json().path("status").asString())
                    .isEqualTo("EXPIRED");
            assertThat(fan.balance()).isEqualTo(Concerts.PRICE);
        }
    }
}
