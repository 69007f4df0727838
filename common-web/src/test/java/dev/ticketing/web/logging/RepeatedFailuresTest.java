package dev.ticketing.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final RepeatedFailures failures = new RepeatedFailures(Duration.ofSeconds(10), now::get);

    @Test
    void theFirstFailureOfAKindIsLoggedThenOneLinePerIntervalWithHowManyWentUnlogged() {
        assertThat(failures.toLog("redis")).hasValue(0);
        assertThat(failures.toLog("redis")).isEmpty();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(failures.toLog("redis")).isEmpty();
        assertThat(failures.toLog("redis")).isEmpty();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(failures.toLog("redis")).hasValue(3);
        assertThat(failures.toLog("redis")).isEmpty();

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(failures.toLog("redis")).as("after a quiet spell").hasValue(1);
    }

    @Test
    void eachKindHasItsOwnLines() {
        assertThat(failures.toLog("redis")).hasValue(0);
        assertThat(failures.toLog("concert-service")).hasValue(0);
        assertThat(failures.toLog("redis")).isEmpty();
        assertThat(failures.toLog("concert-service")).isEmpty();
    }

    @Test
    void manyThreadsAtOnceGetOneLineAndEveryOtherFailureIsCountedForTheNext() throws Exception {
        int threads = 8;
        int each = 10_000;
        LongAdder lines = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        if (failures.toLog("database").isPresent()) {
                            lines.increment();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(lines.sum()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        OptionalLong next = failures.toLog("database");
        assertThat(next).hasValue((long) threads * each - 1);
    }
}
