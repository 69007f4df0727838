package dev.ticketing.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.netflix.concurrency.limits.Limiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A fixed limit of ten (min = initial = max), no backlog: what is not let in is shed at once. */
    private InFlightLimit limitOfTen(double internalShare) {
        return InFlightLimit.immediate(new LoadSheddingProperties(true, 10, 10, 10, 0, Duration.ZERO,
                Duration.ofSeconds(1), internalShare, Duration.ZERO), meters);
    }

    @Test
    void belowTheLimitEitherLaneIsLetIn() {
        InFlightLimit limit = limitOfTen(0.3);

        List<Limiter.Listener> slots = take(limit, "/internal/v1/reservations/r/payment-claim", 7);
        slots.addAll(take(limit, "/api/v1/reservations", 3));

        assertThat(slots).hasSize(10);
        assertThat(limit.inflight()).isEqualTo(10);
    }

    @Test
    void pastTheLimitPublicRequestsAreShedWhileInternalCallsGetInUpToTheirShare() {
        InFlightLimit limit = limitOfTen(0.3);
        List<Limiter.Listener> publicSlots = take(limit, "/api/v1/reservations", 10);

        assertThat(limit.acquire("/api/v1/reservations")).isEmpty();
        List<Limiter.Listener> internalSlots = take(limit, "/internal/v1/reservations/r/payment-claim", 3);
        assertThat(limit.acquire("/internal/v1/reservations/r/payment-claim")).as("past its share of 3").isEmpty();

        assertThat(publicSlots).hasSize(10);
        assertThat(internalSlots).hasSize(3);
        assertThat(limit.inflight()).isEqualTo(13);
        assertThat(meters.counter(ShedRequests.SHED_METER).count()).isEqualTo(2);
    }

    @Test
    void aReleasedSlotLetsThatLaneInAgain() {
        InFlightLimit limit = limitOfTen(0.3);
        List<Limiter.Listener> publicSlots = take(limit, "/api/v1/reservations", 10);
        List<Limiter.Listener> internalSlots = take(limit, "/internal/v1/x", 3);
        assertThat(limit.acquire("/internal/v1/x")).isEmpty();

        internalSlots.getFirst().onSuccess();
        assertThat(limit.acquire("/internal/v1/x")).isPresent();
        // Public requests, past their own share, get in again once the whole limit has room.
        assertThat(limit.acquire("/api/v1/reservations")).isEmpty();
        publicSlots.subList(0, 4).forEach(Limiter.Listener::onSuccess);
        assertThat(limit.acquire("/api/v1/reservations")).isPresent();
    }

    @Test
    void internalCallsFillingTheLimitDoNotShutOutPublicRequests() {
        InFlightLimit limit = limitOfTen(0.3);
        take(limit, "/internal/v1/x", 10);

        assertThat(take(limit, "/api/v1/reservations", 7)).as("public requests' share, 70 % of the limit").hasSize(7);
        assertThat(limit.acquire("/api/v1/reservations")).isEmpty();
    }

    @Test
    void anInternalCallPastItsShareIsShedAtOnceEvenWherePublicRequestsWait() throws Exception {
        // A backlog whose wait would outlast the test: a call that entered it could not come back in time.
        InFlightLimit limit = InFlightLimit.waiting(new LoadSheddingProperties(true, 10, 10, 10, 100,
                Duration.ofMinutes(5), Duration.ofSeconds(1), 0.3, Duration.ZERO), meters);
        take(limit, "/api/v1/reservations", 10);
        take(limit, "/internal/v1/x", 3);

        CompletableFuture<Optional<Limiter.Listener>> pastShare = CompletableFuture.supplyAsync(
                () -> limit.acquire("/internal/v1/x"));

        await().atMost(Duration.ofSeconds(30)).until(pastShare::isDone);
        assertThat(pastShare.get()).isEmpty();
        assertThat(meters.counter(ShedRequests.SHED_METER).count()).isEqualTo(1);
        assertThat(meters.timer("ticketing.http.admission.wait", "lane", "internal").count()).isEqualTo(4);
        assertThat(meters.timer("ticketing.http.admission.wait", "lane", "public").count()).isEqualTo(10);
    }

    private static List<Limiter.Listener> take(InFlightLimit limit, String path, int count) {
        List<Limiter.Listener> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<Limiter.Listener> slot = limit.acquire(path);
            assertThat(slot).as("slot %d of %d on %s", i + 1, count, path).isPresent();
            slots.add(slot.get());
        }
        return slots;
    }
}
