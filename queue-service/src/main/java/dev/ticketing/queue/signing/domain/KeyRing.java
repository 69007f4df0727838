package dev.ticketing.queue.signing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
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
 * The queue's signing keys (docs/queue-tokens.md): the current key, the next key, and earlier keys that still
 * verify the tokens they signed.
 *
 * <p>The next key is made one rotation ahead and published from then on (its JWK {@code iat}), so when a rotation
 * makes it current every gateway has long had it: no token is ever signed by a key a gateway has not fetched. Only
 * a key published for at least the publish lead (longer than the gateways' JWK Set refresh interval) signs: right
 * after a rotation whose next key is younger than that (rotations in quick succession), the newest key old enough
 * keeps signing until the lead has passed. A key leaves the current position with an expiry (the JWK {@code exp})
 * set to when the last token it can have signed expires; after that it is dropped from the set and from storage.
 */
public record KeyRing(String currentKid, String nextKid, Map<String, ECKey> keys) {

    public KeyRing {
        Objects.requireNonNull(currentKid, "currentKid");
        Objects.requireNonNull(nextKid, "nextKid");
        keys = Map.copyOf(keys);
        if (!keys.containsKey(currentKid) || !keys.containsKey(nextKid)) {
            throw new IllegalArgumentException("the current and the next key must be in the ring");
        }
        if (currentKid.equals(nextKid)) {
            throw new IllegalArgumentException("the next key must differ from the current one");
        }
    }

    public ECKey current() {
        return keys.get(currentKid);
    }

    public ECKey next() {
        return keys.get(nextKid);
    }

    /** A fresh ES256 key (EC P-256) whose id is its RFC 7638 thumbprint, published (JWK {@code iat}) from now. */
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

    /**
     * The key to sign with now: of the current key and the replaced ones still valid, the one most recently current
     * that has been published for at least {@code publishLead}; if none has (only right after the very first start,
     * when every key was published together), the one current longest ago.
     */
    public ECKey signingKey(Instant now, Duration publishLead) {
        Instant publishedBy = now.minus(publishLead);
        List<ECKey> mostRecentlyCurrentFirst = keys.values().stream()
                .filter(key -> !key.getKeyID().equals(nextKid))
                .filter(key -> key.getKeyID().equals(currentKid) || !isExpired(key, now))
                .sorted(Comparator.comparing(this::lastCurrentAt).reversed().thenComparing(JWK::getKeyID))
                .toList();
        for (ECKey key : mostRecentlyCurrentFirst) {
            if (!publishedAt(key).isAfter(publishedBy)) {
                return key;
            }
        }
        return mostRecentlyCurrentFirst.getLast();
    }

    /**
     * The current key as it is kept once replaced: valid for verification until every token it can have signed
     * has expired. It may go on signing for up to {@code publishLead} after the rotation, hence the added lead.
     */
    public ECKey retiredCurrent(Instant now, Duration publishLead, Duration longestTokenLifetime) {
        return new ECKey.Builder(current())
                .expirationTime(Date.from(now.plus(publishLead).plus(longestTokenLifetime)))
                .build();
    }

    /** Replaced keys whose tokens have all expired: nothing they verify is valid any more. */
    public List<String> expiredKids(Instant now) {
        return keys.values().stream()
                .filter(key -> isExpired(key, now))
                .map(JWK::getKeyID)
                .filter(kid -> !kid.equals(currentKid) && !kid.equals(nextKid))
                .sorted()
                .toList();
    }

    /** The public halves of the current, the next and the still valid replaced keys: what {@code jwks.json} serves. */
    public JWKSet publicSet(Instant now) {
        List<JWK> live = keys.values().stream()
                .filter(key -> key.getKeyID().equals(currentKid) || key.getKeyID().equals(nextKid)
                        || !isExpired(key, now))
                .sorted(Comparator.comparing(JWK::getKeyID))
                .map(ECKey::toPublicJWK)
                .map(JWK.class::cast)
                .toList();
        return new JWKSet(live);
    }

    /** A replaced key's expiry is set when it is replaced, so later expiries mean more recently current keys. */
    private Instant lastCurrentAt(ECKey key) {
        if (key.getKeyID().equals(currentKid)) {
            return Instant.MAX;
        }
        return key.getExpirationTime() != null ? key.getExpirationTime().toInstant() : Instant.EPOCH;
    }

    /**
     * When a key was first served in the JWK Set, in whole seconds as its JWK {@code iat} is stored; a key without
     * {@code iat} predates this and counts as long ago.
     */
    public static Instant publishedAt(ECKey key) {
        return key.getIssueTime() != null
                ? key.getIssueTime().toInstant().truncatedTo(ChronoUnit.SECONDS)
                : Instant.EPOCH;
    }

    private static boolean isExpired(ECKey key, Instant now) {
        return key.getExpirationTime() != null && !key.getExpirationTime().toInstant().isAfter(now);
    }
}
