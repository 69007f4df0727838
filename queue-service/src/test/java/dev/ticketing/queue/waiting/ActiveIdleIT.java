package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.QueueEventsProbe;

/**
 * DESIGN.md section 3, QUEUE_ACTIVE_IDLE_TIMEOUT (2 minutes here): an ACTIVE fan who makes no request for that long
 * frees the slot for the next in line. Requests reach the queue as the gateways' activity reports; a poll counts
 * too; a fan holding a seat keeps the slot however long they take to pay.
 */
class ActiveIdleIT extends QueueServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Test
    void anIdleActiveFanFreesTheSlotWhileOneWhoMakesRequestsOrHoldsASeatKeepsIt() {
        UUID concert = concertService.newConcert();
        long admissionsTimed = meters.get("ticketing.queue.wait.actual").timer().count();
        List<Holder> active = fillActivePlaces(concert);
        Holder idle = active.get(0);
        Holder busy = active.get(1);
        Holder holding = active.get(2);
        Holder next = joins(concert);
        events().publish(new ReservationHeld(UUID.randomUUID(), holding.userId(), concert, 7, LocalDate.now(), 1,
                50_000, holding.tokenId(), clock.instant(), clock.instant().plus(Duration.ofMinutes(5))));
        await().atMost(PATIENCE).until(() -> !trackedAsActive(concert, holding.tokenId()));

        // The waiting fan polls within its own (1 minute) idle timeout; the busy one makes a request at 100 s.
        clock.advance(Duration.ofSeconds(50));
        next.poll();
        clock.advance(Duration.ofSeconds(50));
        next.poll();
        report(busy.tokenId(), clock.instant().toString()).expectStatus().isNoContent();
        clock.advance(Duration.ofSeconds(30));
        next.poll();

        await().atMost(PATIENCE).until(() -> expiredFor(idle.tokenId()), reason -> reason != null);
        assertThat(expiredFor(idle.tokenId())).isEqualTo(TokenExpired.Reason.ABANDONED);
        assertThat(untilActive(next).answer().status()).isEqualTo("ACTIVE");
        assertThat(busy.poll().status()).isEqualTo("ACTIVE");
        assertThat(holding.poll().status()).isEqualTo("ACTIVE");
        assertThat(expiredFor(busy.tokenId())).isNull();
        assertThat(expiredFor(holding.tokenId())).isNull();
        // Counted as a release of an idle ACTIVE fan, not as a WAITING fan who gave up.
        assertThat(meters.get("ticketing.queue.released").tag("concert", concert.toString()).counter().count())
                .isEqualTo(1);
        assertThat(meters.get("ticketing.queue.abandoned").tag("concert", concert.toString()).counter().count())
                .isZero();
        // The three first fans and the next one in line, each timed from joining to admission.
        assertThat(meters.get("ticketing.queue.wait.actual").timer().count()).isGreaterThanOrEqualTo(admissionsTimed + 4);
    }

    @Test
    void placesFreedAllAtOnceAreRefilledAFewPerCycleNotInOneHerd() {
        UUID concert = concertService.newConcert();
        fillActivePlaces(concert);
        List<Holder> next = IntStream.range(0, MAX_ACTIVE).mapToObj(i -> joins(concert)).toList();
        DistributionSummary batches = meters.get("ticketing.queue.admission.batch").summary();
        long batchesBefore = batches.count();

        // The three ACTIVE fans go silent together; those waiting poll within their own (1 minute) idle timeout.
        clock.advance(Duration.ofSeconds(50));
        next.forEach(Holder::poll);
        clock.advance(Duration.ofSeconds(50));
        next.forEach(Holder::poll);
        clock.advance(Duration.ofSeconds(30));
        next.forEach(Holder::poll);

        // One cycle frees all three places; with one admission per cycle (the tests' ramp) the line
        // refills over three cycles.
        next.forEach(this::untilActive);
        assertThat(meters.get("ticketing.queue.released").tag("concert", concert.toString()).counter().count())
                .isEqualTo(MAX_ACTIVE);
        assertThat(batches.count()).isGreaterThanOrEqualTo(batchesBefore + MAX_ACTIVE);
        assertThat(batches.max()).as("most admitted to one line in one cycle").isEqualTo(1);
    }

    @Test
    void aReportFromTheFutureCountsAsNowAndReportsOfEndedTokensChangeNothing() {
        UUID concert = concertService.newConcert();
        Holder fan = admitted(concert);

        report(fan.tokenId(), clock.instant().plus(Duration.ofHours(1)).toString()).expectStatus().isNoContent();
        report(UUID.randomUUID(), clock.instant().toString()).expectStatus().isNoContent();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        await().atMost(PATIENCE).until(() -> expiredFor(fan.tokenId()), reason -> reason != null);
        assertThat(expiredFor(fan.tokenId())).isEqualTo(TokenExpired.Reason.ABANDONED);
    }

    @Test
    void aMalformedReportIsRefusedWithAProblem() {
        http.post().uri("/internal/v1/queue/activity").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"requests\": [{\"tokenId\": \"not-a-uuid\", \"at\": \"2026-01-01T00:00:00Z\"}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    private WebTestClient.ResponseSpec report(UUID tokenId, String at) {
        return http.post().uri("/internal/v1/queue/activity").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"requests\": [{\"tokenId\": \"%s\", \"at\": \"%s\"}]}".formatted(tokenId, at))
                .exchange();
    }

    private boolean trackedAsActive(UUID concert, UUID tokenId) {
        return redis.opsForZSet().score("queue:concert:" + concert + ":active-seen", tokenId.toString())
                .blockOptional().isPresent();
    }

    private TokenExpired.Reason expiredFor(UUID tokenId) {
        return queueEvents().about(tokenId).stream()
                .map(QueueEventsProbe.Received::event)
                .filter(event -> event.payload() instanceof TokenExpired)
                .map(event -> ((TokenExpired) event.payload()).reason())
                .findFirst().orElse(null);
    }
}
