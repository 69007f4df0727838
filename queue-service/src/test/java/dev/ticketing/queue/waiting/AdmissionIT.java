package dev.ticketing.queue.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.support.QueueEventsProbe;
import dev.ticketing.queue.support.TokenAnswer;
import dev.ticketing.queue.waiting.application.AdmittingWaiters;
import dev.ticketing.queue.waiting.application.ExpiringTokens;
import dev.ticketing.queue.waiting.application.ExpiringTokens.ExpireToken;
import dev.ticketing.queue.waiting.application.QueueStore;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;

class AdmissionIT extends QueueServiceIntegrationTest {

    @Autowired
    AdmittingWaiters admitting;

    @Autowired
    ExpiringTokens expiring;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void waitersAreAdmittedInJoinOrderAsPlacesFreeUp() {
        UUID concert = concertService.newConcert();
        List<Holder> holders = fillActivePlaces(concert);
        List<Holder> waiters = IntStream.range(0, 5).mapToObj(i -> joins(concert)).toList();

        holders.forEach(this::paid);

        List<Holder> admitted = waiters.subList(0, 3).stream().map(this::untilActive).toList();
        assertThat(admitted).extracting(holder -> holder.answer().status()).containsOnly("ACTIVE");
        assertThat(waiters.get(3).poll()).extracting(TokenAnswer::status, TokenAnswer::position)
                .containsExactly("WAITING", 1L);
        assertThat(waiters.get(4).poll()).extracting(TokenAnswer::status, TokenAnswer::position)
                .containsExactly("WAITING", 2L);
    }

    @Test
    void theActiveCapHoldsWhileTwoAdmittersRaceWithJoinsAndExpiries() {
        UUID concert = concertService.newConcert();
        String activeKey = "queue:concert:" + concert + ":active";
        int joiners = 60;
        int payments = 20;
        Map<UUID, UUID> userOfToken = new ConcurrentHashMap<>();
        AtomicBoolean joinsDone = new AtomicBoolean();
        AtomicLong paid = new AtomicLong();
        AtomicLong mostActiveSeen = new AtomicLong();
        AtomicLong admissions = new AtomicLong();
        // Bounded: a failed join or a stalled admission ends every loop (and the test) instead of hanging the build.
        AtomicBoolean gaveUp = new AtomicBoolean();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        BooleanSupplier going = () -> !gaveUp.get() && System.nanoTime() < deadline;
        BooleanSupplier racing = () -> going.getAsBoolean() && (!joinsDone.get() || paid.get() < payments);
        // Own threads: the common pool may have a single thread on a small machine, and these loops wait on each other.
        ExecutorService threads = Executors.newFixedThreadPool(5);

        CompletableFuture<Void> joins = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < joiners; i++) {
                    Holder holder = joins(concert);
                    userOfToken.put(holder.tokenId(), holder.userId());
                }
            } catch (RuntimeException | AssertionError e) {
                gaveUp.set(true);
                throw e;
            } finally {
                joinsDone.set(true);
            }
        }, threads);
        // Two admitters besides the service's own scheduler, as if three instances ran admission at once.
        Runnable admitter = () -> {
            while (racing.getAsBoolean()) {
                admissions.addAndGet(admitting.admit(concert).map(AdmissionOutcome::admitted).block());
            }
        };
        CompletableFuture<Void> firstAdmitter = CompletableFuture.runAsync(admitter, threads);
        CompletableFuture<Void> secondAdmitter = CompletableFuture.runAsync(admitter, threads);
        CompletableFuture<Void> payers = CompletableFuture.runAsync(() -> {
            while (going.getAsBoolean() && paid.get() < payments) {
                // Someone ACTIVE pays, which frees a place for the admitters to race for.
                String paying = redis.opsForZSet().range(activeKey, Range.closed(0L, 0L)).blockFirst();
                UUID tokenId = paying == null ? null : UUID.fromString(paying);
                if (tokenId != null && userOfToken.containsKey(tokenId) && expiring.expire(
                        new ExpireToken(tokenId, userOfToken.get(tokenId), TokenExpired.Reason.PAID)).block()
                        == QueueStore.Expiry.EXPIRED) {
                    paid.incrementAndGet();
                }
            }
        }, threads);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (racing.getAsBoolean()) {
                mostActiveSeen.accumulateAndGet(Objects.requireNonNull(redis.opsForZSet().size(activeKey).block()),
                        Math::max);
            }
        }, threads);
        CompletableFuture.allOf(joins, firstAdmitter, secondAdmitter, payers, sampler).join();
        threads.shutdown();

        assertThat(paid.get()).as("payments made before the deadline").isEqualTo(payments);
        assertThat(mostActiveSeen.get()).isBetween(1L, (long) MAX_ACTIVE);
        assertThat(admissions.get()).as("the admitters had places to race for").isGreaterThan(MAX_ACTIVE);
        // Plenty still wait, so the places fill up again; and never beyond the cap.
        await().atMost(PATIENCE).until(() -> redis.opsForZSet().size(activeKey).block(), active -> active == MAX_ACTIVE);
        long activeTokens = userOfToken.keySet().stream()
                .map(tokenId -> redis.<String, String>opsForHash().get("queue:token:" + tokenId, "status").block())
                .filter("ACTIVE"::equals)
                .count();
        assertThat(activeTokens).isEqualTo(MAX_ACTIVE);
    }

    @Test
    void aWaiterWhoStopsPollingLosesThePlaceWithoutHoldingUpThoseBehind() {
        UUID concert = concertService.newConcert();
        List<Holder> holders = fillActivePlaces(concert);
        Holder silent = joins(concert);
        Holder polling = joins(concert);

        clock.advance(Duration.ofSeconds(40));
        assertThat(polling.poll().position()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(40));

        // 80 s without a poll is past the 1 minute idle timeout; the poller was seen 40 s ago.
        await().atMost(PATIENCE).until(() -> expiredFor(silent.tokenId()), reason -> reason != null);
        assertThat(expiredFor(silent.tokenId())).isEqualTo(TokenExpired.Reason.ABANDONED);
        silent.pollResponse().expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("TOKEN_EXPIRED");
        assertThat(polling.poll().position()).isEqualTo(1);

        paid(holders.getFirst());
        assertThat(untilActive(polling).answer().status()).isEqualTo("ACTIVE");
    }

    @Test
    void anActiveTokenEndsWhenItsActiveTimeIsOver() {
        UUID concert = concertService.newConcert();
        Holder holder = admitted(concert);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        await().atMost(PATIENCE).until(() -> expiredFor(holder.tokenId()), reason -> reason != null);
        assertThat(expiredFor(holder.tokenId())).isEqualTo(TokenExpired.Reason.TIMEOUT);
        holder.pollResponse().expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("TOKEN_EXPIRED");
        TokenAnswer again = queue().joined(holder.userId(), concert);
        assertThat(again.tokenId()).as("an expired token's holder joins again for a new one").isNotEqualTo(holder.tokenId());
        assertThat(queueEvents().about(holder.tokenId())).extracting(received -> received.event().eventType())
                .containsExactly("TokenActivated", "TokenExpired");
    }

    private void paid(Holder holder) {
        expiring.expire(new ExpireToken(holder.tokenId(), holder.userId(), TokenExpired.Reason.PAID)).block();
    }

    private TokenExpired.Reason expiredFor(UUID tokenId) {
        return queueEvents().about(tokenId).stream()
                .map(QueueEventsProbe.Received::event)
                .filter(event -> event.payload() instanceof TokenExpired)
                .map(event -> ((TokenExpired) event.payload()).reason())
                .findFirst().orElse(null);
    }
}
