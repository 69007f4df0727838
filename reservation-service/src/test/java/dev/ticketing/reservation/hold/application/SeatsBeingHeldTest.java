package dev.ticketing.reservation.hold.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeatsBeingHeldTest {

    private final SeatsBeingHeld seats = new SeatsBeingHeld();

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
}
