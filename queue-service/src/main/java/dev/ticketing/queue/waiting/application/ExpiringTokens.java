package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.ticketing.events.TokenExpired;
import reactor.core.publisher.Mono;

/**
 * A token ends because of something elsewhere: its holder paid (PAID) or their seat hold ran out (HOLD_EXPIRED).
 * Idempotent, as redelivered events require: ending a token that already ended changes and announces nothing.
 * The ACTIVE place it frees goes to the next in line at the next admission cycle.
 */
@Service
public class ExpiringTokens {

    private static final Logger log = LoggerFactory.getLogger(ExpiringTokens.class);

    private final QueueStore store;
    private final QueueMetrics metrics;
    private final Clock clock;

    public ExpiringTokens(QueueStore store, QueueMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    public record ExpireToken(UUID tokenId, UUID userId, TokenExpired.Reason reason) {
    }

    public Mono<QueueStore.Expiry> expire(ExpireToken command) {
        return store.expire(command.tokenId(), command.userId(), command.reason(), clock.instant())
                .doOnNext(expiry -> {
                    switch (expiry) {
                        case EXPIRED -> {
                            metrics.expiredByEvent(command.reason());
                            log.info("token_expired token={} user={} reason={}", command.tokenId(),
                                    command.userId(), command.reason());
                        }
                        case ALREADY_ENDED -> log.debug("token_expiry_ignored token={} reason={} cause=already_ended",
                                command.tokenId(), command.reason());
                        case NOT_THE_HOLDER -> log.warn("token_expiry_ignored token={} user={} reason={} "
                                + "cause=another_holder", command.tokenId(), command.userId(), command.reason());
                    }
                });
    }
}
