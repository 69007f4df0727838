package dev.ticketing.queue.waiting.application;

import java.time.Clock;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * A token holder asks where they stand. Asking is also the sign of life that keeps a WAITING place; once ACTIVE
 * the answer carries the ACTIVE JWS the client switches to.
 */
@Service
public class PollingPosition {

    private final QueueStore store;
    private final TokenIssuer issuer;
    private final QueueMetrics metrics;
    private final Clock clock;

    public PollingPosition(QueueStore store, TokenIssuer issuer, QueueMetrics metrics, Clock clock) {
        this.store = store;
        this.issuer = issuer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<IssuedToken> poll(CallerToken caller) {
        return store.poll(caller, clock.instant())
                .doOnNext(lookup -> metrics.polled())
                .flatMap(lookup -> switch (lookup) {
                    case TokenLookup.Live live -> issuer.issue(live.entry());
                    case TokenLookup.Ended ended -> Mono.error(TokenRejected.expired());
                    case TokenLookup.Unknown unknown -> Mono.error(
                            TokenRejected.invalid("The queue does not know this token."));
                });
    }
}
