package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * What the bad-input corpus must leave untouched: a fan with an ACTIVE token, a charged balance and a paid
 * (CONFIRMED) reservation of seat 7, so that nothing of theirs changes on its own while the corpus runs (a HELD
 * seat would expire within HOLD_TTL). {@link #snapshot()} reads all of it back through the API.
 */
final class CorpusFixture {

    static final int PAID_SEAT = 7;
    static final long CHARGED = 200_000;

    private final HttpApi api = SystemUnderTest.api();
    private final Concerts.Concert concert;
    private final Fan fan;
    private final String reservationId;
    private final String paymentId;

    private CorpusFixture(Concerts.Concert concert, Fan fan, String reservationId, String paymentId) {
        this.concert = concert;
        this.fan = fan;
        this.reservationId = reservationId;
        this.paymentId = paymentId;
    }

    static CorpusFixture create() {
        Concerts.Concert concert = Concerts.create("bad-input-corpus");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        assertThat(fan.charge(CHARGED).status()).isEqualTo(200);
        // The same for payment-service's first call to reservation-service (a 503 that charges nothing): an unknown
        // reservation answers 404 once the path is warm, so the real payment below is not the first over it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fan.pay(UUID.randomUUID().toString()).status(), status -> status == 404);
        // A cold stack may answer 503 while reservation-service first reaches the catalog: that holds nothing.
        HttpApi.Response hold = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fan.hold(concert, PAID_SEAT), response -> response.status() != 503);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String reservationId = hold.json().path("reservationId").asString();
        HttpApi.Response payment = fan.pay(reservationId);
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        // Paying expires the token; the fan joins again, as a client does, and is admitted again.
        await().atMost(Duration.ofSeconds(5)).until(() -> fan.get("/api/v1/balance").status() == 401);
        fan.rejoin().awaitActive();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(fan.seatStatus(concert, PAID_SEAT)).isEqualTo("SOLD");
            assertThat(fan.get("/api/v1/reservations/" + reservationId).json().path("status").asString())
                    .isEqualTo("CONFIRMED");
        });
        return new CorpusFixture(concert, fan, reservationId, payment.json().path("paymentId").asString());
    }

    /** The values a case's target, headers and body may name. */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>(ForgedTokens.from(fan.token()));
        values.putAll(Map.of("concertId", concert.concertId(), "date", concert.date().toString(),
                "reservationId", reservationId, "paymentId", paymentId, "userId", fan.userId(),
                "token", fan.token(), "bearerToken", "Bearer " + fan.token()));
        values.put("dateParts", concert.date().getYear() + "," + concert.date().getMonthValue() + ","
                + concert.date().getDayOfMonth());
        return values;
    }

    String bearerToken() {
        return "Bearer " + fan.token();
    }

    /** Everything a bad request could have changed, as the fan (and anyone) sees it through the API. */
    Snapshot snapshot() {
        HttpApi.Response queue = fan.poll();
        JsonNode reservation = fan.get("/api/v1/reservations/" + reservationId).json();
        return new Snapshot(
                queue.status() + " " + queue.json().path("status").asString(),
                fan.balance(),
                StreamSupport.stream(fan.seats(concert).spliterator(), false)
                        .map(seat -> seat.path("seatNumber").asInt() + ":" + seat.path("status").asString()
                                + ":" + seat.path("price").asLong())
                        .collect(Collectors.joining(",")),
                reservation.path("status").asString() + " seat " + reservation.path("seatNumber").asInt(),
                fan.get("/api/v1/payments/" + paymentId).json().path("status").asString(),
                api.get("/api/v1/concerts").json().size());
    }

    /**
     * @param queueToken  status of the poll and the token's state (an ACTIVE token is re-signed as it is polled)
     * @param seats       every seat of the fixture's date: number, status and price
     * @param concerts    how many concerts the public catalog lists (a bad admin request must create none)
     */
    record Snapshot(String queueToken, long balance, String seats, String reservation, String payment, int concerts) {
    }
}
