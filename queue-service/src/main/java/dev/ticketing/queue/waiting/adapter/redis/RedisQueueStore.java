package dev.ticketing.queue.waiting.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.ticketing.events.TokenExpired;
import dev.ticketing.messaging.trace.EventTracing;
import dev.ticketing.queue.outbox.OutboxStream;
import dev.ticketing.queue.waiting.application.CallerToken;
import dev.ticketing.queue.waiting.application.QueueStore;
import dev.ticketing.queue.waiting.application.QueueUnavailable;
import dev.ticketing.queue.waiting.application.TokenActivity;
import dev.ticketing.queue.waiting.application.TokenLookup;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.AdmissionRate;
import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lines in Redis: each operation is one Lua script (key layout in scripts/queue-lib.lua). */
@Component
class RedisQueueStore implements QueueStore {

    /** Most tokens one admission script ends or admits per kind; the rest waits for the next cycle. */
    static final int ADMISSION_BUDGET = 1000;

    private static final String CONCERTS = "queue:concerts";
    private static final String LONGEST_POLL_SECONDS = Long.toString(QueuePolicy.LONGEST_POLL_INTERVAL.toSeconds());

    private final ReactiveStringRedisTemplate redis;
    private final QueuePolicy policy;
    private final QueueScripts scripts = new QueueScripts();
    private final EventTracing tracing;

    RedisQueueStore(ReactiveStringRedisTemplate redis, QueuePolicy policy, EventTracing tracing) {
        this.redis = redis;
        this.policy = policy;
        this.tracing = tracing;
    }

    @Override
    public Mono<Joined> join(UUID concertId, UUID userId, UUID newTokenId, Instant now) {
        return run(scripts.join, List.of(), concertId.toString(), userId.toString(), newTokenId.toString(),
                millis(now), millis(policy.idleTimeout()), millis(policy.tokenRetention()),
                Integer.toString(policy.pollBudget()), LONGEST_POLL_SECONDS)
                .map(reply -> {
                    UUID tokenId = UUID.fromString(reply.text(0));
                    QueueEntry entry = "ACTIVE".equals(reply.text(1))
                            ? QueueEntry.active(tokenId, userId, concertId, Instant.ofEpochMilli(reply.number(3)))
                            : QueueEntry.waiting(tokenId, userId, concertId, reply.number(2), reply.number(6),
                                    rate(reply.optional(4)));
                    return new Joined(entry, reply.number(5) == 1);
                });
    }

    @Override
    public Mono<TokenLookup> poll(CallerToken caller, Instant now) {
        return run(scripts.poll, List.of(), caller.tokenId().toString(), caller.userId().toString(),
                caller.concertId().toString(), millis(now), millis(policy.idleTimeout()),
                millis(policy.tokenRetention()), Integer.toString(policy.pollBudget()), LONGEST_POLL_SECONDS)
                .map(reply -> switch (reply.text(0)) {
                    case "WAITING" -> new TokenLookup.Live(QueueEntry.waiting(caller.tokenId(), caller.userId(),
                            caller.concertId(), reply.number(1), reply.number(4), rate(reply.optional(3))));
                    case "ACTIVE" -> new TokenLookup.Live(QueueEntry.active(caller.tokenId(), caller.userId(),
                            caller.concertId(), Instant.ofEpochMilli(reply.number(2))));
                    case "ENDED" -> new TokenLookup.Ended();
                    default -> new TokenLookup.Unknown();
                });
    }

    @Override
    public Mono<AdmissionOutcome> admit(UUID concertId, int limit, int perCycle, Instant now) {
        Duration window = policy.admitInterval().compareTo(AdmissionRate.MEASUREMENT_WINDOW) > 0
                ? policy.admitInterval() : AdmissionRate.MEASUREMENT_WINDOW;
        return run(scripts.admit, List.of(OutboxStream.KEY), concertId.toString(), millis(now),
                millis(policy.idleTimeout()), millis(policy.activeTtl()), Integer.toString(policy.maxActive()),
                millis(policy.tokenRetention()), Integer.toString(ADMISSION_BUDGET), millis(window),
                millis(AdmissionRate.SMOOTHING), millis(policy.activeIdleTimeout()), Integer.toString(limit),
                Integer.toString(perCycle))
                .map(reply -> new AdmissionOutcome(concertId, reply.number(0), reply.number(1), reply.number(2),
                        reply.number(6), reply.number(3), reply.number(4), rate(reply.optional(5)),
                        waits(reply.optional(7))));
    }

    @Override
    public Mono<Expiry> expire(UUID tokenId, UUID userId, TokenExpired.Reason reason, Instant now) {
        // Read here, on the caller's thread (a Kafka listener's): the TokenExpired entry continues its trace.
        String traceParent = Objects.requireNonNullElse(tracing.currentTraceParent(), "");
        return redis.execute(scripts.expire, List.of(OutboxStream.KEY), List.of(tokenId.toString(), userId.toString(),
                        reason.name(), millis(now), millis(policy.tokenRetention()), traceParent))
                .next()
                .map(Expiry::valueOf)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Long> recordActivity(List<TokenActivity> requests) {
        if (requests.isEmpty()) {
            return Mono.just(0L);
        }
        List<String> args = new ArrayList<>(requests.size() * 2);
        requests.forEach(request -> {
            args.add(request.tokenId().toString());
            args.add(millis(request.at()));
        });
        return redis.execute(scripts.activity, List.of(), args).next()
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Boolean> holdingSeat(UUID tokenId) {
        return redis.execute(scripts.holding, List.of(), List.of(tokenId.toString())).next()
                .map(removed -> removed == 1)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Flux<UUID> concertsInLine() {
        return redis.opsForSet().members(CONCERTS)
                .map(UUID::fromString)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @SuppressWarnings("rawtypes")
    private Mono<ScriptReply> run(RedisScript<List> script, List<String> keys, String... args) {
        return redis.execute(script, keys, List.of(args))
                .next()
                .map(ScriptReply::new)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    private static List<Duration> waits(String commaSeparatedMillis) {
        return commaSeparatedMillis == null ? List.of() : Arrays.stream(commaSeparatedMillis.split(","))
                .map(millis -> Duration.ofMillis(Long.parseLong(millis))).toList();
    }

    private static AdmissionRate rate(String perSecond) {
        return perSecond == null ? AdmissionRate.UNMEASURED : AdmissionRate.measured(Double.parseDouble(perSecond));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
