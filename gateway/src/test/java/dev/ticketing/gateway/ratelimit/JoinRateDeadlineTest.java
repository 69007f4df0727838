package dev.ticketing.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join limit's deadline does not depend on the Redis call it bounds: a call that never answers, or whose
 * request is held up, still gets the join a decision from this instance's own buckets. No Redis is involved: the
 * template's script call is replaced by the failure under test (the connection factory is never started).
 */
class JoinRateDeadlineTest {

    private static final int JOIN_RATE = 2;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aRedisCallThatNeverAnswersIsDecidedLocallyAtTheDeadline() {
        JoinRateLimiter limiter = limiter(Flux.never());

        assertThat(limiter.acquire("192.0.2.10").block(Duration.ofSeconds(30))).isZero();
        assertThat(meters.counter("ticketing.gateway.ratelimit.degraded").count()).isEqualTo(1);
    }

    @Test
    void aRedisCallWhoseRequestIsHeldUpIsDecidedWhileItIsStillHeldUp() {
        CountDownLatch decided = new CountDownLatch(1);
        AtomicBoolean requestReturned = new AtomicBoolean();
        AtomicBoolean decidedWhileHeldUp = new AtomicBoolean();
        // A call whose first request does not return until the join is decided (at most 20 s): with a deadline armed
        // only after that request returned, the decision would come after it, not during it.
        Flux<Object> heldUp = Flux.from(subscriber -> subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                try {
                    decided.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                requestReturned.set(true);
            }

            @Override
            public void cancel() {
            }
        }));

        Long waitMillis = limiter(heldUp).acquire("192.0.2.11")
                .doOnNext(decision -> {
                    decidedWhileHeldUp.set(!requestReturned.get());
                    decided.countDown();
                })
                .block(Duration.ofSeconds(60));

        assertThat(waitMillis).isZero();
        assertThat(decidedWhileHeldUp).isTrue();
    }

    private JoinRateLimiter limiter(Flux<?> scriptCall) {
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(new LettuceConnectionFactory()) {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
                return (Flux<T>) scriptCall;
            }
        };
        return new JoinRateLimiter(new JoinRateSettings(JOIN_RATE, 0), redis, Clock.systemUTC(), meters);
    }
}
