package dev.ticketing.concert.catalog.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.ticketing.concert.TestAdminKey;
import dev.ticketing.testsupport.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestAdminKey.PROPERTY)
@RealInfrastructure(database = "concert_db")
@AutoConfigureRestTestClient
class AdminConcertApiIT {

    private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(30);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createdConcertIsListedInTitleOrder() {
        String suffix = UUID.randomUUID().toString();
        String later = createConcert("Zebra Nights " + suffix);
        String earlier = createConcert("Aurora Live " + suffix);

        List<Map<String, Object>> listed = http.get().uri("/api/v1/concerts").exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .getResponseBody();

        List<Object> ids = listed.stream().map(concert -> concert.get("concertId")).toList();
        assertThat(ids).contains(earlier, later);
        assertThat(ids.indexOf(earlier)).isLessThan(ids.indexOf(later));
        assertThat(listed).contains(Map.of("concertId", earlier, "title", "Aurora Live " + suffix, "venue", "Olympic Hall"));
    }

    @Test
    void createAnswersWithTheConcertAndFiftySeatsPerDate() {
        http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"title": "Spring Gala", "venue": "Olympic Hall", "unknownField": true,
                         "dates": [{"date": "%s", "price": 120000}, {"date": "%s", "price": 90000}]}"""
                        .formatted(SOON, SOON.plusDays(1)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.concertId").value(id -> UUID.fromString((String) id))
                .jsonPath("$.title").isEqualTo("Spring Gala")
                .jsonPath("$.venue").isEqualTo("Olympic Hall")
                .jsonPath("$.dates.length()").isEqualTo(2)
                .jsonPath("$.dates[0].date").isEqualTo(SOON.toString())
                .jsonPath("$.dates[0].price").isEqualTo(120000)
                .jsonPath("$.dates[0].totalSeats").isEqualTo(50)
                .jsonPath("$.dates[1].date").isEqualTo(SOON.plusDays(1).toString())
                .jsonPath("$.dates[1].price").isEqualTo(90000);
    }

    @Test
    void everyDateGetsFiftyAvailableSeatsWithPerSeatPriceOverrides() {
        String concertId = createConcertFrom("""
                {"title": "Priced Seats", "venue": "Olympic Hall",
                 "dates": [{"date": "%s", "price": 100000, "seatPrices": {"1": 150000, "50": 80000}},
                           {"date": "%s", "price": 70000}]}""".formatted(SOON, SOON.plusDays(2)));

        List<Map<String, Object>> seats = jdbc.queryForList("""
                SELECT d.date, s.seat_number, s.price, s.status FROM seat s JOIN concert_date d ON d.id = s.schedule_id
                WHERE d.concert_id = ? ORDER BY d.date, s.seat_number""", concertId);

        assertThat(seats).hasSize(100);
        assertThat(seats).extracting(seat -> seat.get("status")).containsOnly("AVAILABLE");
        List<Map<String, Object>> first = seats.subList(0, 50);
        assertThat(first).extracting(seat -> ((Number) seat.get("seat_number")).intValue())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(price(first.get(0))).isEqualTo(150_000L);
        assertThat(price(first.get(1))).isEqualTo(100_000L);
        assertThat(price(first.get(49))).isEqualTo(80_000L);
        assertThat(seats.subList(50, 100)).extracting(AdminConcertApiIT::price).containsOnly(70_000L);
    }

    @Test
    void missingAdminKeyIsUnauthorizedAndWritesNothing() {
        Counts before = counts();

        http.post().uri("/api/v1/admin/concerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(validBody("No Key"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ADMIN_KEY_MISSING");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void wrongAdminKeyIsForbiddenAndWritesNothing() {
        Counts before = counts();

        http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE + "x")
                .contentType(MediaType.APPLICATION_JSON)
                .body(validBody("Wrong Key"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ADMIN_KEY_INVALID");

        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidConcertIsRejectedAndWritesNothing(String reason, String body) {
        Counts before = counts();

        http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.detail").isNotEmpty();

        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> invalidBodies() {
        String d1 = SOON.toString();
        String d2 = SOON.plusDays(1).toString();
        String past = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        return Stream.of(
                Arguments.of("blank title", "{\"title\": \"  \", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}]}".formatted(d1)),
                Arguments.of("missing venue", "{\"title\": \"T\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}]}".formatted(d1)),
                Arguments.of("title too long", "{\"title\": \"%s\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}]}".formatted("t".repeat(201), d1)),
                Arguments.of("no dates", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": []}"),
                Arguments.of("dates missing", "{\"title\": \"T\", \"venue\": \"V\"}"),
                Arguments.of("null date entry", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [null]}"),
                Arguments.of("duplicate dates", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}, {\"date\": \"%s\", \"price\": 2000}]}".formatted(d1, d1)),
                Arguments.of("date in the past", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}, {\"date\": \"%s\", \"price\": 1000}]}".formatted(d2, past)),
                Arguments.of("date missing", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"price\": 1000}]}"),
                Arguments.of("impossible date", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"2030-13-45\", \"price\": 1000}]}"),
                Arguments.of("price zero", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 0}]}".formatted(d1)),
                Arguments.of("price negative", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": -5}]}".formatted(d1)),
                Arguments.of("price above ten million", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 10000001}]}".formatted(d1)),
                Arguments.of("price missing", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\"}]}".formatted(d1)),
                Arguments.of("price not a number", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": \"lots\"}]}".formatted(d1)),
                Arguments.of("price with a fraction", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000.5}]}".formatted(d1)),
                Arguments.of("price beyond long", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 99999999999999999999}]}".formatted(d1)),
                Arguments.of("seat number 51", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"seatPrices\": {\"51\": 2000}}]}".formatted(d1)),
                Arguments.of("seat number 0", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"seatPrices\": {\"0\": 2000}}]}".formatted(d1)),
                Arguments.of("seat number not a number", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"seatPrices\": {\"front\": 2000}}]}".formatted(d1)),
                Arguments.of("seat price zero", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"seatPrices\": {\"3\": 0}}]}".formatted(d1)),
                Arguments.of("seat price null", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"seatPrices\": {\"3\": null}}]}".formatted(d1)),
                Arguments.of("booking opens after the date", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"bookingOpensAt\": \"%sT00:00:00Z\"}]}".formatted(d1, SOON.plusDays(5))),
                Arguments.of("date in year 10000", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"+10000-01-01\", \"price\": 1000}]}"),
                Arguments.of("booking opens in year -1", "{\"title\": \"T\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000, \"bookingOpensAt\": \"-0001-01-01T00:00:00Z\"}]}".formatted(d1)),
                Arguments.of("title with a NUL", "{\"title\": \"T\\u0000\", \"venue\": \"V\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}]}".formatted(d1)),
                Arguments.of("venue with a lone surrogate", "{\"title\": \"T\", \"venue\": \"\\ud800\", \"dates\": [{\"date\": \"%s\", \"price\": 1000}]}".formatted(d1)),
                Arguments.of("body is an array", "[]"),
                Arguments.of("body is empty", ""));
    }

    private String createConcert(String title) {
        return createConcertFrom(validBody(title));
    }

    private String createConcertFrom(String body) {
        return (String) http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("concertId");
    }

    private static String validBody(String title) {
        return "{\"title\": \"%s\", \"venue\": \"Olympic Hall\", \"dates\": [{\"date\": \"%s\", \"price\": 110000}]}"
                .formatted(title, SOON);
    }

    private static long price(Map<String, Object> seat) {
        return ((Number) seat.get("price")).longValue();
    }

    private Counts counts() {
        return new Counts(count("concert"), count("concert_date"), count("seat"));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private record Counts(long concerts, long dates, long seats) {
    }
}
