package dev.ticketing.concert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Creates concerts through the admin API, as operators do, for tests that need a catalog. */
public final class AdminApi {

    private AdminApi() {
    }

    /** @param body a {@code POST /api/v1/admin/concerts} body */
    public static CreatedConcert create(RestTestClient http, String body) {
        Map<?, ?> created = http.post().uri("/api/v1/admin/concerts")
                .header("X-Admin-Key", TestAdminKey.VALUE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        List<?> dates = (List<?>) created.get("dates");
        Map<LocalDate, Long> scheduleIds = dates.stream().map(Map.class::cast).collect(Collectors.toMap(
                date -> LocalDate.parse((String) date.get("date")),
                date -> ((Number) date.get("scheduleId")).longValue()));
        return new CreatedConcert(UUID.fromString((String) created.get("concertId")), scheduleIds);
    }

    /** A concert with one date whose 50 seats cost {@code price}, booking open now. */
    public static CreatedConcert createWithOneDate(RestTestClient http, LocalDate date, long price) {
        return create(http, """
                {"title": "Test Concert %s", "venue": "Olympic Hall", "dates": [{"date": "%s", "price": %d}]}"""
                .formatted(UUID.randomUUID(), date, price));
    }

    /** @param scheduleIds the id of each date's schedule, as reservation events carry it */
    public record CreatedConcert(UUID concertId, Map<LocalDate, Long> scheduleIds) {

        public long scheduleOf(LocalDate date) {
            Long id = scheduleIds.get(date);
            if (id == null) {
                throw new IllegalArgumentException("the concert has no date " + date);
            }
            return id;
        }
    }
}
