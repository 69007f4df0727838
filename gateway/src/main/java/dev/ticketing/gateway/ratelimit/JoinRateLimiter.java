package dev.ticketing.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The queue-join limit per client address (JOIN_RATE_PER_IP per second, burst five times that), kept in the shared
 * Redis so it holds across gateway instances.
 *
 * <p><b>When Redis is down</b> the limit does not switch off (Spring Cloud Gateway's RedisRateLimiter would let
 * every join through): each instance falls back to {@link LocalJoinBuckets} in its own memory, counts every such
 * decision in {@code ticketing.gateway.ratelimit.degraded}, and logs once when it degrades and once when Redis has
 * answered for {@link #RECOVERY_QUIET} without failing again ({@link RedisOutage}: a Redis that is slow for every few
 * joins is one outage, not two log lines per join). Joining the queue keeps working, the limit is at worst N instances times looser. Since the gateway degrades
 * rather than fails, Redis is left out of its health and readiness (application.yml).
 */
public class JoinRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(JoinRateLimiter.class);
    private static final String KEY_PREFIX = "gateway:join-rate:";
    /** How long a join waits for the shared bucket before this instance's bucket decides instead. */
    private static final Duration REDIS_DEADLINE = Duration.ofMillis(250);
    /** How long Redis must answer every join in time before an outage counts as over. */
    static final Duration RECOVERY_QUIET = Duration.ofSeconds(10);
    /**
     * The script's text, read once: a script made from a classpath resource asks that resource whether it changed
     * (a lookup in the jar and a stat of it) on every run, on each join's path.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(read("scripts/join-rate-limit.lua"), List.class);

    private static final Mono<Long> ALLOWED = Mono.just(0L);

    private final ReactiveStringRedisTemplate redis;
    private final List<String> scriptArgs;
    private final LocalJoinBuckets fallback;
    private final boolean limited;
    private final int trustedProxyHops;
    private final Counter rejected;
    private final Counter degraded;
    private final RedisOutage outage;

    public JoinRateLimiter(JoinRateSettings settings, ReactiveStringRedisTemplate redis, Clock clock,
                           MeterRegistry meters) {
        this.redis = redis;
        this.limited = settings.limited();
        this.trustedProxyHops = settings.trustedProxyHops();
        this.scriptArgs = List.of(Integer.toString(settings.joinRatePerIp()), Integer.toString(settings.burst()));
        this.fallback = limited ? new LocalJoinBuckets(settings.joinRatePerIp(), settings.burst(), clock) : null;
        this.outage = new RedisOutage(clock, RECOVERY_QUIET);
        this.rejected = Counter.builder("ticketing.gateway.ratelimit.rejected")
                .description("Queue joins refused with 429 RATE_LIMITED").register(meters);
        this.degraded = Counter.builder("ticketing.gateway.ratelimit.degraded")
                .description("Queue-join limit decisions made in this instance's memory because Redis failed")
                .register(meters);
    }

    /** Takes a join for the request's client: 0 when it may go ahead, else the milliseconds until it could. */
    public Mono<Long> acquire(ServerHttpRequest request) {
        return limited ? acquire(ClientAddress.of(request, trustedProxyHops)) : ALLOWED;
    }

    /**
     * Takes a join for the client at this address (an IPv6 address counts for its whole /64, see
     * {@link ClientAddress}): 0 when it may go ahead, else the milliseconds until one would be allowed.
     *
     * <p>The deadline is a timer of its own, started before the Redis call is subscribed and raced against it, not a
     * {@code timeout} operator on the call: Reactor's (3.8) arms its timer only after the first request to the call
     * has returned, so whatever holds up or loses that request leaves the join with neither an answer nor a
     * timeout. It did, about once in 3,000 joins against a freshly started gateway (a fan's join unanswered until
     * the client gave up after 60 s, the request seen by the gateway's token check and never past the limit).
     */
    public Mono<Long> acquire(String address) {
        if (!limited) {
            return ALLOWED;
        }
        String client = ClientAddress.clientOf(address);
        Mono<Long> deadline = Mono.delay(REDIS_DEADLINE)
                .map(tick -> localDecision(client, new TimeoutException(
                        "no answer from Redis within " + REDIS_DEADLINE.toMillis() + " ms")));
        Mono<Long> shared = redis.execute(SCRIPT, List.of(KEY_PREFIX + client), scriptArgs)
                // The answer may come as several lists; together they are { allowed, wait }.
                .reduceWith(() -> new ArrayList<Long>(2), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(answer -> sharedDecision(answer))
                .onErrorResume(failure -> Mono.fromSupplier(() -> localDecision(client, failure)));
        // The first to answer decides, and the other is cancelled; the deadline is subscribed first.
        return Mono.firstWithSignal(deadline, shared)
                .doOnNext(waitMillis -> {
                    if (waitMillis > 0) {
                        rejected.increment();
                    }
                });
    }

    private long sharedDecision(List<Long> answer) {
        RedisOutage.Ended ended = outage.answered();
        if (ended != null) {
            log.info("join_rate_limit_shared_again: Redis answers, the limit holds across instances again "
                    + "failing_ms={} local_decisions={}", ended.failing().toMillis(), ended.localDecisions());
        }
        return answer.get(0) == 1L ? 0L : Math.max(1L, answer.get(1));
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private long localDecision(String client, Throwable failure) {
        degraded.increment();
        if (outage.failed()) {
            log.warn("join_rate_limit_degraded: Redis failed, each instance limits joins on its own cause=\"{}\"",
                    String.valueOf(failure));
        }
        return fallback.acquire(client);
    }
}
