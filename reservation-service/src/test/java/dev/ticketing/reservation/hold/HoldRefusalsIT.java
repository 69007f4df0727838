package dev.ticketing.reservation.hold;

import static dev.ticketing.reservation.testing.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.reservation.testing.CatalogStub;
import dev.ticketing.reservation.testing.CatalogStub.ConcertDate;
import dev.ticketing.reservation.testing.Fan;
import dev.ticketing.reservation.testing.ReservationIntegrationTest;
import dev.ticketing.reservation.testing.ReservationTable;
import dev.ticketing.reservation.testing.TestClock;

/** Every way a hold request is refused before it reaches the seat: each answers its problem and holds nothing. */
@ReservationIntegrationTest
class HoldRefusalsIT {

    @Autowired
    RestTestClient http;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final CatalogStub catalog = CatalogStub.get();
    private final ConcertDate date = catalog.openDate();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"date\":\"%2$s\",\"seatNumber\":0,\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":51,\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":-3,\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":2.5,\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":\"seven\",\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"concertId\":\"%1$s\"}",
            "{\"date\":\"2031-02-30\",\"seatNumber\":5,\"concertId\":\"%1$s\"}",
            "{\"date\":\"tomorrow\",\"seatNumber\":5,\"concertId\":\"%1$s\"}",
            "{\"seatNumber\":5,\"concertId\":\"%1$s\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":5,\"concertId\":\"not-a-uuid\"}",
            "{\"date\":\"%2$s\",\"seatNumber\":5}",
            "{\"date\":\"%2$s\",\"seatNumber\":5,",
            "[]",
            ""})
    void anInvalidRequestIsABadRequestAndHoldsNothing(String template) {
        Fan fan = Fan.admittedTo(date.concertId());

        expectProblem(fan.holdRaw(http, template.formatted(date.concertId(), date.date())), 400, "INVALID_REQUEST");

        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(date.scheduleId())).isZero();
        fan.hold(http, date.date(), 5).expectStatus().isCreated();
    }

    @Test
    void aRequestWithoutTheGatewaysIdentityHeadersIsUnauthorized() {
        String body = """
                {"concertId":"%s","date":"%s","seatNumber":9}""".formatted(date.concertId(), date.date());
        Fan fan = Fan.admittedTo(date.concertId());
        String[][] headerSets = {
                {"X-Concert-Id", fan.concertId().toString(), "X-Token-Id", fan.tokenId().toString()},
                {"X-User-Id", fan.userId().toString(), "X-Token-Id", fan.tokenId().toString()},
                {"X-User-Id", fan.userId().toString(), "X-Concert-Id", fan.concertId().toString()}};
        for (String[] headers : headerSets) {
            expectProblem(http.post().uri("/api/v1/reservations").header(headers[0], headers[1])
                    .header(headers[2], headers[3]).contentType(MediaType.APPLICATION_JSON).body(body).exchange(),
                    401, "TOKEN_INVALID");
        }
        // The identity is checked before the body is even read.
        expectProblem(http.post().uri("/api/v1/reservations").contentType(MediaType.APPLICATION_JSON).body("{")
                .exchange(), 401, "TOKEN_INVALID");
        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(date.scheduleId())).isZero();
    }

    @Test
    void aMalformedIdentityHeaderIsABadRequest() {
        expectProblem(http.post().uri("/api/v1/reservations").header("X-User-Id", "someone")
                .header("X-Concert-Id", date.concertId().toString()).header("X-Token-Id", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"concertId\":\"%s\",\"date\":\"%s\",\"seatNumber\":9}".formatted(date.concertId(), date.date()))
                .exchange(), 400, "INVALID_REQUEST");
    }

    @Test
    void aTokenForAnotherConcertCannotHold() {
        Fan fan = Fan.admittedTo(UUID.randomUUID());

        expectProblem(fan.holdRaw(http, """
                {"concertId":"%s","date":"%s","seatNumber":9}""".formatted(date.concertId(), date.date())),
                403, "WRONG_CONCERT");

        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(date.scheduleId())).isZero();
    }

    @Test
    void anUnknownConcertIsNotFound() {
        expectProblem(Fan.admittedTo(UUID.randomUUID()).hold(http, date.date(), 9), 404, "CONCERT_NOT_FOUND");
    }

    @Test
    void aDateTheConcertDoesNotHaveIsNotFound() {
        expectProblem(Fan.admittedTo(date.concertId()).hold(http, date.date().plusDays(1), 9), 404, "DATE_NOT_FOUND");
    }

    @Test
    void aDateWhoseBookingHasNotOpenedIsNotFoundAndHoldsNothing() {
        ConcertDate later = catalog.dateOpeningAt(clock.instant().plus(Duration.ofDays(1)));

        expectProblem(Fan.admittedTo(later.concertId()).hold(http, later.date(), 9), 404, "DATE_NOT_FOUND");

        assertThat(new ReservationTable(jdbc).reservationsOfSchedule(later.scheduleId())).isZero();
    }
}
