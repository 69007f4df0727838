package dev.ticketing.queue.waiting.application;

import java.time.Clock;

import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import reactor.core.publisher.Mono;

/**
 * Signs a fresh JWS for every answer, so a client always holds a token that matches the state it was told: a
 * WAITING one while in line, and an ACTIVE one (same {@code jti}) from the first answer after admission.
 */
public class TokenIssuer {

    private final TokenSigner signer;
    private final QueuePolicy policy;
    private final Clock clock;

    public TokenIssuer(TokenSigner signer, QueuePolicy policy, Clock clock) {
        this.signer = signer;
        this.policy = policy;
        this.clock = clock;
    }

    Mono<IssuedToken> issue(QueueEntry entry) {
        QueueTokenClaims claims = QueueTokenClaims.issueFor(entry, clock.instant());
        return signer.sign(claims).map(jws -> new IssuedToken(entry, claims, jws, entry.estimate(policy)));
    }
}
