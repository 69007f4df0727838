package dev.ticketing.queue.waiting.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import dev.ticketing.queue.waiting.domain.TokenStatus;
import reactor.core.publisher.Mono;

/**
 * The JWS for every answer, so a client always holds a token that matches the state it was told: a WAITING one
 * while in line, and an ACTIVE one (same {@code jti}) from the first answer after admission.
 *
 * <p>A token is signed when its state calls for a new one, not on every answer: a poll gets the JWS this instance
 * last issued for the token while it still says the same (same state; the same end once ACTIVE; a WAITING one
 * with more than half of its lifetime left). Signing every poll anew made ES256 a fifth of queue-service's CPU in
 * an on-sale run, and each new token string cost the gateway a signature check its cache could not save. Another
 * instance, or this one after a restart or an eviction, signs once more: nothing depends on what is remembered.
 */
@Service
public class TokenIssuer {

    /** About 1 KB each: at most some 20 MB. */
    private static final long REMEMBERED_TOKENS = 20_000;
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);
    private static final Duration WAITING_REUSE_LEFT = QueuePolicy.WAITING_TOKEN_LIFETIME.dividedBy(2);

    private final TokenSigner signer;
    private final QueuePolicy policy;
    private final Clock clock;
    private final Cache<UUID, Signed> lastSigned = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    public TokenIssuer(TokenSigner signer, QueuePolicy policy, Clock clock) {
        this.signer = signer;
        this.policy = policy;
        this.clock = clock;
    }

    Mono<IssuedToken> issue(QueueEntry entry) {
        Instant now = clock.instant();
        Signed last = lastSigned.getIfPresent(entry.tokenId());
        if (last != null && last.stillSays(entry, now)) {
            return Mono.just(new IssuedToken(entry, last.claims(), last.jws(), entry.estimate(policy), false));
        }
        QueueTokenClaims claims = QueueTokenClaims.issueFor(entry, now);
        return signer.sign(claims).map(jws -> {
            lastSigned.put(entry.tokenId(), new Signed(claims, jws));
            return new IssuedToken(entry, claims, jws, entry.estimate(policy), true);
        });
    }

    private record Signed(QueueTokenClaims claims, String jws) {

        boolean stillSays(QueueEntry entry, Instant now) {
            if (!claims.userId().equals(entry.userId()) || !claims.concertId().equals(entry.concertId())
                    || claims.status() != entry.status()) {
                return false;
            }
            return entry.status() == TokenStatus.ACTIVE
                    ? claims.expiresAt().equals(entry.activeUntil().truncatedTo(ChronoUnit.SECONDS))
                    : claims.expiresAt().isAfter(now.plus(WAITING_REUSE_LEFT));
        }
    }
}
