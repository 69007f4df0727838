package dev.ticketing.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdaptiveLifoBacklogTest {

    private static final long LONG = TimeUnit.MINUTES.toNanos(5);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void whileTheBacklogDrainsTheOldestWaiterGetsTheFreedSlot() throws Exception {
        AdaptiveLifoBacklog<String> backlog = backlog(10, LONG, LONG);
        Limiter.Listener busy = backlog.acquire("first").orElseThrow();
        CompletableFuture<Optional<Limiter.Listener>> older = waitInLine(backlog, "older", 1);
        CompletableFuture<Optional<Limiter.Listener>> newer = waitInLine(backlog, "newer", 2);

        busy.onSuccess();

        assertThat(older.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(newer).isNotDone();
        older.get().orElseThrow().onSuccess();
        assertThat(newer.get(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void onceTheOldestHasWaitedLifoAfterTheNewestGetsTheFreedSlot() throws Exception {
        AdaptiveLifoBacklog<String> backlog = backlog(10, LONG, 0);
        Limiter.Listener busy = backlog.acquire("first").orElseThrow();
        CompletableFuture<Optional<Limiter.Listener>> older = waitInLine(backlog, "older", 1);
        CompletableFuture<Optional<Limiter.Listener>> newer = waitInLine(backlog, "newer", 2);

        busy.onIgnore();

        assertThat(newer.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(older).isNotDone();
        newer.get().orElseThrow().onDropped();
        assertThat(older.get(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void aFullBacklogRefusesAtOnce() throws Exception {
        AdaptiveLifoBacklog<String> backlog = backlog(1, LONG, LONG);
        backlog.acquire("first").orElseThrow();
        waitInLine(backlog, "waiting", 1);

        assertThat(backlog.acquire("one too many")).isEmpty();
        assertThat(backlog.waiting()).isEqualTo(1);
    }

    @Test
    void aWaitThatRunsOutIsRefusedAndLeavesTheBacklog() throws Exception {
        AdaptiveLifoBacklog<String> backlog = backlog(10, TimeUnit.MILLISECONDS.toNanos(50), LONG);
        Limiter.Listener busy = backlog.acquire("first").orElseThrow();

        assertThat(backlog.acquire("late")).isEmpty();
        assertThat(backlog.waiting()).isZero();
        busy.onSuccess();
        assertThat(backlog.acquire("next")).isPresent();
    }

    /** One slot, so every acquire past the first waits. */
    private static AdaptiveLifoBacklog<String> backlog(int size, long timeoutNanos, long lifoAfterNanos) {
        return new AdaptiveLifoBacklog<>(SimpleLimiter.newBuilder().limit(FixedLimit.of(1)).build(), size,
                timeoutNanos, lifoAfterNanos);
    }

    /** Acquires on a thread of its own and returns once that thread waits in the backlog, {@code position}-th. */
    private CompletableFuture<Optional<Limiter.Listener>> waitInLine(AdaptiveLifoBacklog<String> backlog, String name,
                                                                     int position) {
        CompletableFuture<Optional<Limiter.Listener>> result = CompletableFuture.supplyAsync(
                () -> backlog.acquire(name), threads);
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog.waiting() == position);
        return result;
    }
}
