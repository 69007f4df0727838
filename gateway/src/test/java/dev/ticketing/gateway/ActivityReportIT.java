package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that passed the token check reach queue-service as batched activity reports (so idle ACTIVE fans can
 * free their slot), without a call per request; each report also carries the booking path's figures for its window
 * (so queue-service admits as fast as that path takes).
 */
class ActivityReportIT extends GatewayInFrontOfStubs {

    private static final String REPORTS = "/internal/v1/queue/activity";
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestWithAQueueTokenIsReportedToTheQueueWithinAFlushInterval() {
        double before = meters.counter("ticketing.gateway.activity.reported").count();

        getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> meters.counter("ticketing.gateway.activity.reported").count() > before);
    }

    @Test
    void theReportCarriesTheBookingRequestsTheirShedAndTheirLatency() {
        // From the next report on: anything the tests before left in the window was reported by then.
        int earlier = queueService.bodiesSentTo(REPORTS).size();
        int before = await().atMost(Duration.ofSeconds(15)).until(() -> queueService.bodiesSentTo(REPORTS).size(),
                reports -> reports > earlier);

        book("/api/v1/reservations").expectStatus().isOk();
        book("/api/v1/payments").expectStatus().isOk();
        book("/api/v1/reservations/shed").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Ticketing-Shed", "1");
        // Reads are not bookings.
        getWithActiveToken("/api/v1/reservations/shed").exchange().expectStatus().isEqualTo(503);

        List<JsonNode> bookings = await().atMost(Duration.ofSeconds(15)).until(() -> bookingFiguresAfter(before),
                figures -> figures.stream().mapToLong(booking -> booking.get("requests").asLong()).sum() >= 3);
        assertThat(bookings.stream().mapToLong(booking -> booking.get("shed").asLong()).sum()).isEqualTo(1);
        assertThat(bookings.stream().mapToLong(booking -> booking.get("requests").asLong()).sum()).isEqualTo(3);
        assertThat(bookings).allSatisfy(booking -> assertThat(booking.get("latencyMillis").asLong())
                .isGreaterThanOrEqualTo(0));
        assertThat(bookings).anySatisfy(booking -> assertThat(booking.get("latencyMillis").asLong()).isPositive());
    }

    private WebTestClient.ResponseSpec book(String path) {
        return client.post().uri(path).header(HttpHeaders.AUTHORIZATION, activeBearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    private List<JsonNode> bookingFiguresAfter(int reportsBefore) {
        List<String> reports = queueService.bodiesSentTo(REPORTS);
        return reports.subList(reportsBefore, reports.size()).stream()
                .map(json::readTree)
                .filter(report -> report.has("booking"))
                .map(report -> report.get("booking"))
                .toList();
    }
}
