package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Holds through the gateway, with HOLD_TTL = PT3S (SystemUnderTest). */
class SeatHoldsIT {

    /** DESIGN.md section 4: state changes are visible within 2 s. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

    @Test
    void aHeldSeatShowsHeldAndIsReleasedWithItsTokenAfterTheHoldTtl() {
        Concerts.Concert concert = Concerts.create("holds");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        Fan observer = new Fan().join(concert.concertId()).awaitActive();

        HttpApi.Response hold = fan.hold(concert, 7);

        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        JsonNode reservation = hold.json();
        assertThat(reservation.path("status").asString()).isEqualTo("HELD");
        assertThat(reservation.path("seatNumber").asInt()).isEqualTo(7);
        assertThat(reservation.path("price").asLong()).isEqualTo(Concerts.PRICE);
        await().atMost(VISIBLE_WITHIN).untilAsserted(() -> assertThat(observer.seatStatus(concert, 7)).isEqualTo("HELD"));

        Duration ttl = Duration.parse(SystemUnderTest.HOLD_TTL);
        await().atMost(ttl.plus(VISIBLE_WITHIN)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(observer.seatStatus(concert, 7)).isEqualTo("AVAILABLE");
            assertThat(fan.poll().status()).isEqualTo(401);
        });
        HttpApi.Response expiredToken = fan.get("/api/v1/queue/tokens/me");
        assertThat(expiredToken.code()).isEqualTo("TOKEN_EXPIRED");

        fan.rejoin();
        HttpApi.Response afterwards = fan.get("/api/v1/reservations/" + reservation.path("reservationId").asString());
        assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
        assertThat(afterwards.json().path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aSecondHoldOnTheSameSeatIsRejectedAndATokenHoldsOneSeatAtATime() {
        Concerts.Concert concert = Concerts.create("contention");
        Fan first = new Fan().join(concert.concertId()).awaitActive();
        Fan second = new Fan().join(concert.concertId()).awaitActive();

        assertThat(first.hold(concert, 10).status()).isEqualTo(201);
        HttpApi.Response taken = second.hold(concert, 10);
        HttpApi.Response another = first.hold(concert, 11);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.code()).isEqualTo("HOLD_LIMIT");
    }

    @Test
    void invalidHoldsAreProblemsAndChangeNothing() {
        Concerts.Concert concert = Concerts.create("invalid-holds");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        String date = concert.date().toString();

        List<HttpApi.Response> refused = List.of(
                fan.hold(concert, 0),
                fan.hold(concert, 51),
                fan.post("/api/v1/reservations", "{\"concertId\":\"" + concert.concertId() + "\",\"date\":\""
                        + concert.date().plusDays(5) + "\",\"seatNumber\":3}"),
                fan.post("/api/v1/reservations", "{\"concertId\":\"" + concert.concertId() + "\",\"date\":\"" + date
                        + "\",\"seatNumber\":"),
                fan.post("/api/v1/reservations", "{\"concertId\":\"" + concert.concertId() + "\",\"date\":\"not-a-date\",\"seatNumber\":3}"));

        assertThat(refused).extracting(HttpApi.Response::status).containsExactly(400, 400, 404, 400, 400);
        assertThat(refused).allSatisfy(response -> assertThat(response.isProblem()).as(response.body()).isTrue());
        assertThat(refused.get(2).code()).isEqualTo("DATE_NOT_FOUND");
        assertThat(refused.get(0).code()).isEqualTo("INVALID_REQUEST");
        assertThat(fan.seats(concert)).allSatisfy(seat -> assertThat(seat.path("status").asString()).isEqualTo("AVAILABLE"));
        assertThat(fan.hold(concert, 3).status()).as("no hold was recorded for this token").isEqualTo(201);
    }
}
