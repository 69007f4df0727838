package dev.ticketing.concert.availability.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.concert.AdminApi;
import dev.ticketing.concert.AdminApi.CreatedConcert;
import dev.ticketing.concert.TestAdminKey;
import dev.ticketing.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dates and seat listings against the real database. Seats are marked HELD or SOLD straight in the
 * database here (before anything is listed, so nothing is cached yet); the event path is ReservationEventsIT's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
@AutoConfigureRestTestClient
class AvailabilityApiIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void datesListingShowsOnlyBookableDatesWithSeatsLeftInDateOrder() {
        LocalDate open1 = TODAY.plusDays(3);
        LocalDate open2 = TODAY.plusDays(6);
        LocalDate open3 = TODAY.plusDays(9);
        LocalDate notYetOpen = TODAY.plusDays(4);
        LocalDate soldOut = TODAY.plusDays(5);
        LocalDate past = TODAY.plusDays(2);
        String opensTomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        CreatedConcert concert = AdminApi.create(http, """
                {"title": "Dates %s", "venue": "Olympic Hall", "dates": [
                  {"date": "%s", "price": 1000}, {"date": "%s", "price": 1000}, {"date": "%s", "price": 1000},
                  {"date": "%s", "price": 1000, "bookingOpensAt": "%s"}, {"date": "%s", "price": 1000},
                  {"date": "%s", "price": 1000}]}"""
                .formatted(UUID.randomUUID(), open3, open1, open2, notYetOpen, opensTomorrow, soldOut, past));
        // The admin API refuses past dates, so one is moved into the past as time would have moved it.
        jdbc.update("UPDATE concert_date SET date = ?, booking_opens_at = ? WHERE id = ?",
                TODAY.minusDays(1), TODAY.minusDays(3).atStartOfDay(), concert.scheduleOf(past));
        markSeats(concert.scheduleOf(soldOut), "SOLD", IntStream.rangeClosed(1, 50).toArray());
        markSeats(concert.scheduleOf(open1), "HELD", 7);
        markSeats(concert.scheduleOf(open1), "SOLD", 8);

        List<Map<String, Object>> dates = listDates(concert.concertId());

        assertThat(dates).containsExactly(
                Map.of("date", open1.toString(), "availableSeats", 48, "totalSeats", 50),
                Map.of("date", open2.toString(), "availableSeats", 50, "totalSeats", 50),
                Map.of("date", open3.toString(), "availableSeats", 50, "totalSeats", 50));
    }

    @Test
    void aConcertWithNoBookableDateListsNoDates() {
        CreatedConcert concert = AdminApi.createWithOneDate(http, TODAY.plusDays(10), 1000);
        markSeats(concert.scheduleOf(TODAY.plusDays(10)), "SOLD", IntStream.rangeClosed(1, 50).toArray());

        assertThat(listDates(concert.concertId())).isEmpty();
    }

    @Test
    void seatListingShowsAllFiftySeatsInOrderWithStatusAndPrice() {
        LocalDate date = TODAY.plusDays(12);
        CreatedConcert concert = AdminApi.create(http, """
                {"title": "Seats %s", "venue": "Olympic Hall",
                 "dates": [{"date": "%s", "price": 100000, "seatPrices": {"1": 150000, "50": 80000}}]}"""
                .formatted(UUID.randomUUID(), date));
        markSeats(concert.scheduleOf(date), "HELD", 7);
        markSeats(concert.scheduleOf(date), "SOLD", 8);

        List<Map<String, Object>> seats = listSeats(concert.concertId(), date.toString());

        assertThat(seats).hasSize(50);
        assertThat(seats).extracting(seat -> seat.get("seatNumber"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(seats.get(0)).isEqualTo(Map.of("seatNumber", 1, "status", "AVAILABLE", "price", 150000));
        assertThat(seats.get(6)).isEqualTo(Map.of("seatNumber", 7, "status", "HELD", "price", 100000));
        assertThat(seats.get(7)).isEqualTo(Map.of("seatNumber", 8, "status", "SOLD", "price", 100000));
        assertThat(seats.get(49)).isEqualTo(Map.of("seatNumber", 50, "status", "AVAILABLE", "price", 80000));
        assertThat(seats).filteredOn(seat -> "AVAILABLE".equals(seat.get("status"))).hasSize(48);
    }

    @Test
    void listingsOfAnUnknownConcertAreConcertNotFound() {
        UUID unknown = UUID.randomUUID();

        expectProblem("/api/v1/concerts/" + unknown + "/dates", 404, "CONCERT_NOT_FOUND");
        expectProblem("/api/v1/concerts/" + unknown + "/dates/" + TODAY.plusDays(3) + "/seats", 404, "CONCERT_NOT_FOUND");
    }

    @Test
    void seatsOfADateTheConcertDoesNotHaveAreDateNotFound() {
        CreatedConcert concert = AdminApi.createWithOneDate(http, TODAY.plusDays(20), 1000);

        expectProblem("/api/v1/concerts/" + concert.concertId() + "/dates/" + TODAY.plusDays(21) + "/seats",
                404, "DATE_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/concerts/not-a-uuid/dates", "/api/v1/concerts/not-a-uuid/dates/2030-05-01/seats",
            "/api/v1/concerts/5f0c7a2e-1b7d-4c86-9d0e-3f4a5b6c7d8e/dates/2030-02-30/seats",
            "/api/v1/concerts/5f0c7a2e-1b7d-4c86-9d0e-3f4a5b6c7d8e/dates/tomorrow/seats",
            "/api/v1/concerts/5f0c7a2e-1b7d-4c86-9d0e-3f4a5b6c7d8e/dates/20300501/seats"})
    void malformedIdsAndDatesAreInvalidRequests(String path) {
        expectProblem(path, 400, "INVALID_REQUEST");
    }

    @Test
    void everySeatListingIsACacheGetCountedAsHitOrMiss() {
        LocalDate date = TODAY.plusDays(14);
        CreatedConcert concert = AdminApi.createWithOneDate(http, date, 1000);
        double before = cacheGets("catalog.seats");

        listSeats(concert.concertId(), date.toString());
        listSeats(concert.concertId(), date.toString());

        assertThat(cacheGets("catalog.seats")).isEqualTo(before + 2);
    }

    @Test
    void listingsAreMarkedShareableForASecondAndRefusalsAreNot() {
        LocalDate date = TODAY.plusDays(15);
        CreatedConcert concert = AdminApi.createWithOneDate(http, date, 1000);

        for (String path : List.of("/api/v1/concerts/" + concert.concertId() + "/dates",
                "/api/v1/concerts/" + concert.concertId() + "/dates/" + date + "/seats")) {
            http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=0, s-maxage=1")
                    .expectHeader().doesNotExist(HttpHeaders.VARY);
        }
        String refusal = http.get().uri("/api/v1/concerts/" + UUID.randomUUID() + "/dates").exchange()
                .expectStatus().isNotFound()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        assertThat(refusal == null ? "" : refusal).doesNotContain("s-maxage");
    }

    private List<Map<String, Object>> listDates(UUID concert) {
        return http.get().uri("/api/v1/concerts/{concert}/dates", concert).exchange()
                .expectStatus().isOk()
                .returnResult(LIST).getResponseBody();
    }

    private List<Map<String, Object>> listSeats(UUID concert, String date) {
        return http.get().uri("/api/v1/concerts/{concert}/dates/{date}/seats", concert, date).exchange()
                .expectStatus().isOk()
                .returnResult(LIST).getResponseBody();
    }

    private void expectProblem(String path, int status, String code) {
        http.get().uri(path).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail").exists();
    }

    private void markSeats(long schedule, String status, int... seatNumbers) {
        for (int seat : seatNumbers) {
            jdbc.update("UPDATE seat SET status = ?, holder_reservation_id = ? WHERE schedule_id = ? AND seat_number = ?",
                    status, UUID.randomUUID().toString(), schedule, seat);
        }
    }

    private double cacheGets(String cache) {
        return meters.find("cache.gets").tag("cache", cache).functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum();
    }
}
