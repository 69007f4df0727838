package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.TokenAnswer;

/**
 * Admission follows the booking path: the gateways' reports of shedding lower the limit on ACTIVE fans (3 here,
 * floor 1, restart 1, +1 per healthy step, halved on trouble, one step per 5 s of the test's clock), an idle path
 * takes it to the restart limit, and healthy reports raise it back up to QUEUE_MAX_ACTIVE.
 */
class AdmissionControlIT extends QueueServiceIntegrationTest {

    private static final Duration STEP = Duration.ofSeconds(5);

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void reportedSheddingLowersAdmissionsAndHealthyReportsRaiseThemBackToTheCeiling() {
        double cutsBefore = adjustments("down", "shed");

        reportBooking(200, 40, 80);
        clock.advance(STEP);
        awaitLimit(1, "SHED");
        assertThat(adjustments("down", "shed")).isGreaterThan(cutsBefore);

        UUID concert = concertService.newConcert();
        List<Holder> fans = IntStream.range(0, 3).mapToObj(i -> joins(concert)).toList();
        untilActive(fans.get(0));
        awaitFurtherAdmissionCycles(3);
        assertThat(meters.get("ticketing.queue.admission.reason").tag("reason", "shed").gauge().value()).isEqualTo(1);
        assertThat(fans.get(1).poll()).extracting(TokenAnswer::status, TokenAnswer::position)
                .containsExactly("WAITING", 1L);
        assertThat(fans.get(2).poll()).extracting(TokenAnswer::status, TokenAnswer::position)
                .containsExactly("WAITING", 2L);

        reportBooking(200, 0, 80);
        clock.advance(STEP);
        awaitLimit(2, "HEALTHY");
        untilActive(fans.get(1));
        awaitFurtherAdmissionCycles(3);
        assertThat(fans.get(2).poll().status()).isEqualTo("WAITING");

        reportBooking(150, 1, 60);
        reportBooking(150, 0, 90);
        clock.advance(STEP);
        awaitLimit(3, "CEILING");
        untilActive(fans.get(2));
        assertThat(meters.get("ticketing.queue.admission.limit").gauge().value()).isEqualTo(MAX_ACTIVE);
    }

    @Test
    void anIdleBookingPathOpensTheNextOnSaleAtTheRestartLimitAndHealthyReportsRaiseItBackToTheCeiling() {
        reportBooking(0, 0, 0);
        clock.advance(STEP);
        awaitLimit(1, "IDLE");
        assertThat(meters.get("ticketing.queue.admission.reason").tag("reason", "idle").gauge().value()).isEqualTo(1);

        UUID concert = concertService.newConcert();
        List<Holder> fans = IntStream.range(0, 2).mapToObj(i -> joins(concert)).toList();
        untilActive(fans.get(0));
        awaitFurtherAdmissionCycles(3);
        assertThat(fans.get(1).poll()).extracting(TokenAnswer::status, TokenAnswer::position)
                .containsExactly("WAITING", 1L);

        reportBooking(20, 0, 40);
        clock.advance(STEP);
        awaitLimit(2, "HEALTHY");
        untilActive(fans.get(1));
        reportBooking(20, 0, 40);
        clock.advance(STEP);
        awaitLimit(3, "CEILING");
    }

    @Test
    void aReportWithMoreShedThanRequestsIsRefusedWithAProblem() {
        report(Map.of("requests", List.of(), "booking", Map.of("requests", 1, "shed", 2, "latencyMillis", 10)))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void reportBooking(long requests, long shed, long latencyMillis) {
        report(Map.of("requests", List.of(), "booking",
                Map.of("requests", requests, "shed", shed, "latencyMillis", latencyMillis)))
                .expectStatus().isNoContent();
    }

    private WebTestClient.ResponseSpec report(Map<String, Object> body) {
        return http.post().uri("/internal/v1/queue/activity").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void awaitLimit(int limit, String reason) {
        await().atMost(PATIENCE).until(() -> redis.<String, String>opsForHash()
                .multiGet("queue:admission:control", List.of("limit", "reason")).block(),
                stored -> List.of(Integer.toString(limit), reason).equals(stored));
    }

    /** Cycles that ran after the limit was read: had they admitted anyone, they would have by now. */
    private void awaitFurtherAdmissionCycles(long cycles) {
        long before = meters.get("ticketing.queue.admission.cycle").timer().count();
        await().atMost(PATIENCE).until(() -> meters.get("ticketing.queue.admission.cycle").timer().count()
                >= before + cycles);
    }

    private double adjustments(String direction, String reason) {
        Counter counter = meters.find("ticketing.queue.admission.adjustments")
                .tags("direction", direction, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
