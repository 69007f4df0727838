package dev.ticketing.concert.catalog.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.concert.AdminApi;
import dev.ticketing.concert.AdminApi.CreatedConcert;
import dev.ticketing.concert.TestAdminKey;
import dev.ticketing.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
@AutoConfigureRestTestClient
class InternalConcertApiIT {

    private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    @Autowired
    RestTestClient http;

    @Test
    void aConcertIsLookedUpWithTitleAndVenue() {
        String title = "Lookup " + UUID.randomUUID();
        CreatedConcert concert = AdminApi.create(http, """
                {"title": "%s", "venue": "Jamsil Arena", "dates": [{"date": "%s", "price": 1000}]}""".formatted(title, SOON));

        http.get().uri("/internal/v1/concerts/{id}", concert.concertId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"concertId": "%s", "title": "%s", "venue": "Jamsil Arena"}""".formatted(concert.concertId(), title));
    }

    @Test
    void aDateIsLookedUpWithItsScheduleIdBookingOpeningAndAllFiftySeatPrices() {
        String title = "Priced " + UUID.randomUUID();
        CreatedConcert concert = AdminApi.create(http, """
                {"title": "%s", "venue": "Olympic Hall",
                 "dates": [{"date": "%s", "price": 120000, "bookingOpensAt": "2020-01-02T03:04:05Z",
                            "seatPrices": {"1": 200000, "50": 90000}}]}""".formatted(title, SOON));

        Map<?, ?> schedule = http.get().uri("/internal/v1/concerts/{id}/dates/{date}", concert.concertId(), SOON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(Map.class).getResponseBody();

        assertThat(schedule.get("concertId")).isEqualTo(concert.concertId().toString());
        assertThat(schedule.get("title")).isEqualTo(title);
        assertThat(((Number) schedule.get("scheduleId")).longValue()).isEqualTo(concert.scheduleOf(SOON));
        assertThat(schedule.get("date")).isEqualTo(SOON.toString());
        assertThat(schedule.get("bookingOpensAt")).isEqualTo("2020-01-02T03:04:05Z");
        List<?> seats = (List<?>) schedule.get("seats");
        assertThat(seats).hasSize(50);
        assertThat(seats.get(0)).isEqualTo(Map.of("seatNumber", 1, "price", 200000));
        assertThat(seats.get(1)).isEqualTo(Map.of("seatNumber", 2, "price", 120000));
        assertThat(seats.get(49)).isEqualTo(Map.of("seatNumber", 50, "price", 90000));
        assertThat(seats.stream().map(seat -> ((Map<?, ?>) seat).get("seatNumber")).toList())
                .isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void everyDateGetsItsOwnPositiveScheduleId() {
        CreatedConcert first = AdminApi.create(http, """
                {"title": "Ids %s", "venue": "V", "dates": [{"date": "%s", "price": 1000}, {"date": "%s", "price": 1000}]}"""
                .formatted(UUID.randomUUID(), SOON, SOON.plusDays(1)));
        CreatedConcert second = AdminApi.createWithOneDate(http, SOON, 1000);

        List<Long> ids = List.of(first.scheduleOf(SOON), first.scheduleOf(SOON.plusDays(1)), second.scheduleOf(SOON));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id > 0);
    }

    @Test
    void anUnknownConcertIsConcertNotFound() {
        UUID unknown = UUID.randomUUID();

        expectProblem("/internal/v1/concerts/" + unknown, 404, "CONCERT_NOT_FOUND");
        expectProblem("/internal/v1/concerts/" + unknown + "/dates/" + SOON, 404, "CONCERT_NOT_FOUND");
    }

    @Test
    void aDateTheConcertDoesNotHaveIsDateNotFound() {
        CreatedConcert concert = AdminApi.createWithOneDate(http, SOON, 1000);

        expectProblem("/internal/v1/concerts/" + concert.concertId() + "/dates/" + SOON.plusDays(1), 404, "DATE_NOT_FOUND");
    }

    @Test
    void malformedIdsAndDatesAreInvalidRequests() {
        expectProblem("/internal/v1/concerts/42", 400, "INVALID_REQUEST");
        expectProblem("/internal/v1/concerts/" + UUID.randomUUID() + "/dates/2030-13-01", 400, "INVALID_REQUEST");
    }

    private void expectProblem(String path, int status, String code) {
        http.get().uri(path).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code);
    }
}
