package dev.ticketing.gateway.token;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSVerifier;

/**
 * Tokens whose signature was checked recently, keyed by the exact {@code Authorization} value. An ES256
 * verification costs a few hundred microseconds of CPU, more than the rest of the gateway hop, and a client sends
 * the same token on every request of its session; a hit skips only the signature and claim parsing. Expiry and
 * revocation are checked on every request, hit or not, and a hit counts only while the key that verified it is
 * still the set's key under that id.
 *
 * <p>Only verified tokens are stored, so made-up tokens cannot fill it; size-bounded (about 1 KB an entry, tens of
 * MB at most) with least-useful entries dropped first.
 */
final class VerifiedTokens {

    private static final long MAX_TOKENS = 20_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    /** What verification found, and with which key. */
    record Verified(QueueToken token, long expiresAtMillis, String kid, JWSVerifier key) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterAccess(IDLE)
            .build();

    Verified recall(String authorization) {
        return verified.getIfPresent(authorization);
    }

    void remember(String authorization, Verified token) {
        verified.put(authorization, token);
    }
}
