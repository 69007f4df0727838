package dev.ticketing.queue.waiting.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.ticketing.messaging.trace.EventTracing;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import reactor.core.publisher.Flux;

/**
 * One admission script does a bounded amount of work, whatever the line holds: Redis runs nothing else meanwhile, so
 * every join, poll and key fetch of every concert waits for it. Lines here are longer than the budget and the
 * ceiling is far above it (gates opened wide, as a benchmark or a big venue opens them), run against the real
 * Redis through a store of their own; the service's own cycles (three ACTIVE places) may admit a few of them too.
 */
class AdmissionBudgetIT extends QueueServiceIntegrationTest {

    private static final int BUDGET = RedisQueueStore.ADMISSION_BUDGET;
    private static final int WIDE_OPEN = 5 * BUDGET;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    EventTracing tracing;

    @Test
    void aCycleAdmitsAtMostTheBudgetAndTheRestNextCycle() {
        RedisQueueStore store = wideOpenStore();
        UUID concert = concertService.newConcert();
        Instant now = clock.instant();
        int line = BUDGET + BUDGET / 2;
        joinMany(store, concert, line, now);

        AdmissionOutcome first = store.admit(concert, WIDE_OPEN, WIDE_OPEN, now).block();
        AdmissionOutcome second = store.admit(concert, WIDE_OPEN, WIDE_OPEN, now).block();

        assertThat(first.admitted()).isEqualTo(BUDGET);
        assertThat(first.waiting()).isPositive();
        assertThat(second.admitted()).isEqualTo(first.waiting());
        assertThat(second.waiting()).isZero();
    }

    @Test
    void aLineOfLeftOverIdleTokensIsWorkedOffOverSeveralCycles() {
        RedisQueueStore store = wideOpenStore();
        UUID concert = concertService.newConcert();
        Instant joinedAt = clock.instant();
        int line = 2 * BUDGET + BUDGET / 2;
        joinMany(store, concert, line, joinedAt);
        // Nobody polled for an hour (a stack stopped and started again): every place was lost long ago.
        Instant anHourLater = joinedAt.plus(Duration.ofHours(1));

        AdmissionOutcome first = store.admit(concert, WIDE_OPEN, WIDE_OPEN, anHourLater).block();

        // The idle sweep's budget, then the admission loop's: at the front it finds only idle tokens, and ends those.
        assertThat(first.admitted()).isZero();
        assertThat(first.abandoned()).isEqualTo(2L * BUDGET);
        assertThat(first.waiting()).isPositive();
        AdmissionOutcome second = store.admit(concert, WIDE_OPEN, WIDE_OPEN, anHourLater).block();
        // Meanwhile the service's own cycles (still an hour earlier) may have admitted a few: those end as timed out.
        assertThat(second.abandoned() + second.timedOut()).isEqualTo(first.waiting());
        assertThat(second.waiting()).isZero();
    }

    private RedisQueueStore wideOpenStore() {
        return new RedisQueueStore(redis, new QueuePolicy(WIDE_OPEN, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofSeconds(1)), tracing);
    }

    private static void joinMany(RedisQueueStore store, UUID concert, int fans, Instant now) {
        Long joined = Flux.range(0, fans)
                .flatMap(fan -> store.join(concert, UUID.randomUUID(), UUID.randomUUID(), now), 32)
                .count()
                .block(Duration.ofMinutes(2));
        assertThat(joined).isEqualTo(fans);
    }
}
