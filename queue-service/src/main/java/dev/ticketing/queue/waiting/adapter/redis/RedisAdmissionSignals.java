package dev.ticketing.queue.waiting.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.ticketing.queue.waiting.application.AdmissionSignals;
import dev.ticketing.queue.waiting.application.QueueUnavailable;
import dev.ticketing.queue.waiting.domain.AdmissionLimit;
import dev.ticketing.queue.waiting.domain.AdmissionReason;
import dev.ticketing.queue.waiting.domain.BookingPathWindow;
import reactor.core.publisher.Mono;

/** The booking-path reports and the admission limit in Redis (keys in scripts/queue-lib.lua), one script each. */
@Component
class RedisAdmissionSignals implements AdmissionSignals {

    private final ReactiveStringRedisTemplate redis;
    private final QueueScripts scripts = new QueueScripts();

    RedisAdmissionSignals(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> record(BookingPathWindow report, Instant receivedAt) {
        return redis.execute(scripts.bookingReport, List.of(), List.of(Long.toString(report.requests()),
                        Long.toString(report.shed()), Long.toString(report.latencyMillis()),
                        Long.toString(receivedAt.toEpochMilli())))
                .then()
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Turn> take(Instant now, Duration interval) {
        return redis.execute(scripts.admissionControlTake, List.of(),
                        List.of(Long.toString(now.toEpochMilli()), Long.toString(interval.toMillis())))
                .next()
                .map(ScriptReply::new)
                .map(reply -> {
                    Optional<AdmissionLimit> stored = Optional.ofNullable(reply.optional(2))
                            .map(limit -> new AdmissionLimit(Integer.parseInt(limit),
                                    AdmissionReason.valueOf(reply.text(3))));
                    BookingPathWindow window = new BookingPathWindow(reply.number(4), reply.number(5),
                            reply.number(6), reply.number(7));
                    Optional<Instant> lastReportAt = Optional.ofNullable(reply.optional(8))
                            .map(at -> Instant.ofEpochMilli(Long.parseLong(at)));
                    return new Turn(reply.number(0) == 1, reply.number(1), stored, window, lastReportAt);
                })
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }

    @Override
    public Mono<Boolean> settle(Turn turn, AdmissionLimit limit) {
        return redis.execute(scripts.admissionControlSettle, List.of(), List.of(Long.toString(turn.step()),
                        Integer.toString(limit.limit()), limit.reason().name()))
                .next()
                .map(stored -> stored == 1)
                .onErrorMap(RedisFailures::isUnavailable, QueueUnavailable::new);
    }
}
