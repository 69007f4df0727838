package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.ReservationBody;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;

@ReservationIntegrationTest
class ReservationQueriesIT {

    @Autowired
    RestTestClient http;

    private final ConcertDate date = CatalogStub.get().openDate();
    private final Fan owner = Fan.admittedTo(date.concertId());

    @Test
    void theOwnerSeesTheReservationAsTheHoldAnsweredIt() {
        ReservationBody held = hold();

        owner.get(http, held.reservationId()).expectStatus().isOk()
                .expectBody(ReservationBody.class).isEqualTo(held);
    }

    @Test
    void theOwnerSeesItWithAnyOfTheirTokens() {
        ReservationBody held = hold();

        owner.withNewToken().get(http, held.reservationId()).expectStatus().isOk();
    }

    @Test
    void anyoneElseIsToldThereIsNoSuchReservation() {
        ReservationBody held = hold();

        expectProblem(Fan.admittedTo(date.concertId()).get(http, held.reservationId()), 404, "RESERVATION_NOT_FOUND");
        expectProblem(owner.get(http, UUID.randomUUID()), 404, "RESERVATION_NOT_FOUND");
    }

    @Test
    void readingAReservationNeedsTheCallersIdentity() {
        ReservationBody held = hold();

        expectProblem(http.get().uri("/api/v1/reservations/{id}", held.reservationId()).exchange(), 401,
                "TOKEN_INVALID");
        expectProblem(http.get().uri("/api/v1/reservations/{id}", held.reservationId()).header("X-User-Id", "owner")
                .exchange(), 400, "INVALID_REQUEST");
    }

    @Test
    void otherServicesReadAnyReservationWithItsOwnerTokenAndSchedule() {
        ReservationBody held = hold();

        http.get().uri("/internal/v1/reservations/{id}", held.reservationId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reservationId").isEqualTo(held.reservationId().toString())
                .jsonPath("$.userId").isEqualTo(owner.userId().toString())
                .jsonPath("$.concertId").isEqualTo(date.concertId().toString())
                .jsonPath("$.scheduleId").isEqualTo(date.scheduleId())
                .jsonPath("$.date").isEqualTo(date.date().toString())
                .jsonPath("$.seatNumber").isEqualTo(held.seatNumber())
                .jsonPath("$.price").isEqualTo(held.price())
                .jsonPath("$.tokenId").isEqualTo(owner.tokenId().toString())
                .jsonPath("$.status").isEqualTo("HELD")
                .jsonPath("$.expiresAt").isEqualTo(held.expiresAt().toString());
    }

    @Test
    void otherServicesAreToldWhenThereIsNoSuchReservation() {
        expectProblem(http.get().uri("/internal/v1/reservations/{id}", UUID.randomUUID()).exchange(), 404,
                "RESERVATION_NOT_FOUND");
    }

    private ReservationBody hold() {
        return owner.hold(http, date.date(), 30).expectStatus().isCreated()
                .expectBody(ReservationBody.class).returnResult().getResponseBody();
    }
}
