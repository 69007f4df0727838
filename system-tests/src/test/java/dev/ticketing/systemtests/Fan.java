package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One fan using the public API through the gateway, the way a client app would: joins the queue, always
 * keeps the token of the latest queue response, and sends it as a bearer token.
 */
final class Fan {

    private final HttpApi api;
    private final String userId = UUID.randomUUID().toString();
    private String token;
    private String concertId;

    Fan() {
        this(SystemUnderTest.api());
    }

    /** A fan whose client talks to the given gateway. */
    Fan(HttpApi api) {
        this.api = api;
    }

    String userId() {
        return userId;
    }

    String token() {
        return token;
    }

    Fan join(String concertId) {
        this.concertId = concertId;
        HttpApi.Response joined = api.post("/api/v1/queue/tokens",
                "{\"userId\":\"" + userId + "\",\"concertId\":\"" + concertId + "\"}", Map.of());
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        token = joined.json().path("token").asString();
        return this;
    }

    /** One poll; adopts the token the queue hands back (it changes when the token becomes ACTIVE). */
    HttpApi.Response poll() {
        HttpApi.Response response = get("/api/v1/queue/tokens/me");
        if (response.status() == 200) {
            token = response.json().path("token").asString();
        }
        return response;
    }

    Fan awaitActive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpApi.Response response = poll();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("ACTIVE");
        });
        return this;
    }

    /** Joins again after the token ended, as the contract says a client does; the user's data stays theirs. */
    Fan rejoin() {
        return join(concertId);
    }

    HttpApi.Response get(String path) {
        return api.get(path, auth());
    }

    HttpApi.Response post(String path, String body) {
        return api.post(path, body, auth());
    }

    HttpApi.Response post(String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(auth());
        headers.putAll(extraHeaders);
        return api.post(path, body, headers);
    }

    HttpApi.Response hold(Concerts.Concert concert, int seatNumber) {
        return post("/api/v1/reservations", "{\"concertId\":\"" + concert.concertId() + "\",\"date\":\""
                + concert.date() + "\",\"seatNumber\":" + seatNumber + "}");
    }

    HttpApi.Response charge(long amount) {
        return post("/api/v1/balance/charges", "{\"amount\":" + amount + "}");
    }

    HttpApi.Response pay(String reservationId) {
        return post("/api/v1/payments", "{\"reservationId\":\"" + reservationId + "\"}");
    }

    long balance() {
        HttpApi.Response response = get("/api/v1/balance");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("balance").asLong();
    }

    JsonNode seats(Concerts.Concert concert) {
        HttpApi.Response response = get("/api/v1/concerts/" + concert.concertId() + "/dates/" + concert.date() + "/seats");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String seatStatus(Concerts.Concert concert, int seatNumber) {
        for (JsonNode seat : seats(concert)) {
            if (seat.path("seatNumber").asInt() == seatNumber) {
                return seat.path("status").asString();
            }
        }
        throw new AssertionError("seat " + seatNumber + " is not listed");
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }
}
