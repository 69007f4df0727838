package dev.ticketing.queue.waiting.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.ticketing.messaging.trace.EventTracing;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.waiting.application.CallerToken;
import dev.ticketing.queue.waiting.application.QueueStore.Joined;
import dev.ticketing.queue.waiting.application.TokenLookup;
import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import dev.ticketing.queue.waiting.domain.TokenStatus;
import reactor.core.publisher.Flux;

/**
 * However long the line, a WAITING place is kept for at most three of the longest poll intervals
 * ({@link QueuePolicy#LONGEST_POLL_INTERVAL}, a quarter of the WAITING JWS's lifetime), so a silent client's place
 * ends while its token's record, kept for that lifetime, still exists. A poll budget of 1 per second makes a line
 * of 300 long enough: its back would be told to poll every 2,012 s, and be kept 6,036 s, without the cap.
 */
class LongestPollIT extends QueueServiceIntegrationTest {

    private static final int LINE = 300;
    private static final Duration KEPT = QueuePolicy.LONGEST_POLL_INTERVAL.multipliedBy(3);

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    EventTracing tracing;

    @Test
    void farBackInALineTooLongForTheBudgetAPlaceIsKeptThreeLongestIntervals() {
        RedisQueueStore store = new RedisQueueStore(redis, new QueuePolicy(3, Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofSeconds(1), QueuePolicy.DEFAULT_ACTIVE_IDLE_TIMEOUT, 1), tracing);
        UUID concert = concertService.newConcert();
        Instant now = clock.instant();
        List<QueueEntry> line = Flux.range(0, LINE)
                .concatMap(fan -> store.join(concert, UUID.randomUUID(), UUID.randomUUID(), now))
                .map(Joined::entry)
                .collectList()
                .block(Duration.ofMinutes(1));
        QueueEntry beforeLast = line.get(LINE - 2);
        QueueEntry last = line.getLast();

        TokenLookup stillKept = store.poll(caller(beforeLast), now.plus(KEPT).minusSeconds(1)).block();
        TokenLookup lost = store.poll(caller(last), now.plus(KEPT).plusSeconds(1)).block();

        assertThat(stillKept).isInstanceOf(TokenLookup.Live.class);
        assertThat(((TokenLookup.Live) stillKept).entry().status()).isEqualTo(TokenStatus.WAITING);
        assertThat(lost).as("kept 3 × %s, not the 6,036 s the budget alone allows", QueuePolicy.LONGEST_POLL_INTERVAL)
                .isInstanceOf(TokenLookup.Ended.class);
    }

    private static CallerToken caller(QueueEntry entry) {
        return new CallerToken(entry.tokenId(), entry.userId(), entry.concertId());
    }
}
