package dev.ticketing.reservation.testing;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A user admitted to one concert with one queue token, calling the service as the gateway forwards it. */
public record Fan(UUID userId, UUID concertId, UUID tokenId) {

    public static Fan admittedTo(UUID concertId) {
        return new Fan(UUID.randomUUID(), concertId, UUID.randomUUID());
    }

    /** The same user with a fresh token (e.g. after joining the queue again). */
    public Fan withNewToken() {
        return new Fan(userId, concertId, UUID.randomUUID());
    }

    /** The same user admitted to another concert, with that concert's token. */
    public Fan at(UUID otherConcertId) {
        return new Fan(userId, otherConcertId, UUID.randomUUID());
    }

    public RestTestClient.ResponseSpec hold(RestTestClient http, LocalDate date, int seatNumber) {
        return holdRaw(http, """
                {"concertId":"%s","date":"%s","seatNumber":%d}""".formatted(concertId, date, seatNumber));
    }

    public RestTestClient.ResponseSpec holdRaw(RestTestClient http, String json) {
        return http.post().uri("/api/v1/reservations")
                .header("X-User-Id", userId.toString())
                .header("X-Concert-Id", concertId.toString())
                .header("X-Token-Id", tokenId.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange();
    }

    /** {@code GET /api/v1/reservations?query} as this user. */
    public RestTestClient.ResponseSpec list(RestTestClient http, String query) {
        return http.get().uri("/api/v1/reservations" + (query.isEmpty() ? "" : "?" + query))
                .header("X-User-Id", userId.toString())
                .exchange();
    }

    public RestTestClient.ResponseSpec get(RestTestClient http, UUID reservationId) {
        return http.get().uri("/api/v1/reservations/{id}", reservationId)
                .header("X-User-Id", userId.toString())
                .exchange();
    }
}
