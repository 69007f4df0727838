package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * A user joins a concert's line: a new token at the back, or, if they already hold a live token for that concert,
 * the same token at the same place. Only concerts that exist get a line.
 */
@Service
public class JoiningQueue {

    private static final Logger log = LoggerFactory.getLogger(JoiningQueue.class);

    private final ConcertCatalog concerts;
    private final QueueStore store;
    private final TokenIssuer issuer;
    private final QueueMetrics metrics;
    private final Clock clock;

    public JoiningQueue(ConcertCatalog concerts, QueueStore store, TokenIssuer issuer, QueueMetrics metrics,
                        Clock clock) {
        this.concerts = concerts;
        this.store = store;
        this.issuer = issuer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public record JoinQueue(UUID userId, UUID concertId) {
    }

    public Mono<IssuedToken> join(JoinQueue command) {
        return concerts.exists(command.concertId())
                .flatMap(exists -> exists
                        ? store.join(command.concertId(), command.userId(), UUID.randomUUID(), clock.instant())
                        : Mono.error(new ConcertNotFound(command.concertId())))
                .doOnNext(joined -> {
                    metrics.joined(joined.newPlace());
                    if (joined.newPlace()) {
                        log.info("queue_joined token={} user={} concert={} position={}", joined.entry().tokenId(),
                                command.userId(), command.concertId(), joined.entry().position());
                    }
                })
                .flatMap(joined -> issuer.issue(joined.entry()).doOnNext(issued -> {
                    if (joined.newPlace()) {
                        metrics.estimatedWait(Duration.ofSeconds(issued.estimate().estimatedWaitSeconds()));
                    }
                }));
    }
}
