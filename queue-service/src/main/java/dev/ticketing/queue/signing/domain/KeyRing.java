package dev.ticketing.queue.signing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The queue's signing keys (docs/queue-tokens.md): one current key that signs, and earlier keys that still verify
 * the tokens they signed. A key leaves the current position with an expiry (the JWK {@code exp}) set to when the
 * last token it can have signed expires; after that it is dropped from the set and from storage.
 */
public record KeyRing(String currentKid, Map<String, ECKey> keys) {

    public KeyRing {
        Objects.requireNonNull(currentKid, "currentKid");
        keys = Map.copyOf(keys);
        if (!keys.containsKey(currentKid)) {
            throw new IllegalArgumentException("the current key " + currentKid + " is not in the ring");
        }
    }

    public ECKey current() {
        return keys.get(currentKid);
    }

    /** A fresh ES256 key (EC P-256) whose id is its RFC 7638 thumbprint. */
    public static ECKey newKey(Instant now) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    /** The current key as it is kept once replaced: valid for verification until every token it signed expired. */
    public ECKey retiredCurrent(Instant now, Duration longestTokenLifetime) {
        return new ECKey.Builder(current()).expirationTime(Date.from(now.plus(longestTokenLifetime))).build();
    }

    /** Replaced keys whose tokens have all expired: nothing they verify is valid any more. */
    public List<String> expiredKids(Instant now) {
        return keys.values().stream()
                .filter(key -> isExpired(key, now))
                .map(JWK::getKeyID)
                .filter(kid -> !kid.equals(currentKid))
                .sorted()
                .toList();
    }

    /** The public halves of the keys that still verify tokens: what {@code jwks.json} serves. */
    public JWKSet publicSet(Instant now) {
        List<JWK> live = keys.values().stream()
                .filter(key -> key.getKeyID().equals(currentKid) || !isExpired(key, now))
                .sorted((a, b) -> a.getKeyID().compareTo(b.getKeyID()))
                .map(ECKey::toPublicJWK)
                .map(JWK.class::cast)
                .toList();
        return new JWKSet(live);
    }

    private static boolean isExpired(ECKey key, Instant now) {
        return key.getExpirationTime() != null && !key.getExpirationTime().toInstant().isAfter(now);
    }
}
