package dev.ticketing.reservation.hold.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeatsBeingHeldTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SeatsBeingHeld seats = new SeatsBeingHeld(nanos::get);

    @Test
    void ofManyRequestsForOneSeatAtOnceOnlyOneGoesOn() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try (ExecutorService rush = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                attempts.add(rush.submit(() -> {
                    start.await();
                    return seats.tryStart("7:1");
                }));
            }
            start.countDown();
        }
        long winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get() ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aSeatIsFreeAgainOnceTheHoldFinishedAndOtherSeatsAreNotAffected() {
        assertThat(seats.tryStart("7:1")).isTrue();
        assertThat(seats.tryStart("7:2")).isTrue();
        assertThat(seats.tryStart("8:1")).isTrue();

        seats.finish("7:1");

        assertThat(seats.tryStart("7:1")).isTrue();
        assertThat(seats.tryStart("7:2")).isFalse();
    }

    @Test
    void aSeatFoundTakenIsKnownTakenForOneSecondOnly() {
        seats.taken("7:1");

        assertThat(seats.knownTaken("7:1")).isTrue();
        assertThat(seats.knownTaken("7:2")).isFalse();
        assertThat(seats.knownTaken("8:1")).isFalse();

        advance(SeatsBeingHeld.TAKEN_MEMORY.minusMillis(1));
        assertThat(seats.knownTaken("7:1")).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(seats.knownTaken("7:1")).isFalse();
    }

    @Test
    void aSeatReleasedHereIsForgottenAtOnce() {
        seats.taken("7:1");
        seats.taken("7:2");

        seats.released("7:1");

        assertThat(seats.knownTaken("7:1")).isFalse();
        assertThat(seats.knownTaken("7:2")).isTrue();
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
