package dev.ticketing.queue.waiting.application;

import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import reactor.core.publisher.Mono;

/** Turns claims into the compact JWS clients present (docs/queue-tokens.md), signed with the current key. */
public interface TokenSigner {

    Mono<String> sign(QueueTokenClaims claims);
}
