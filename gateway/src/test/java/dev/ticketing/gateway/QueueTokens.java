package dev.ticketing.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues queue tokens as the queue service does (docs/queue-tokens.md), from EC keys made here, and serves the
 * public half of the keys it signs with as a JWK Set, which the stub queue service hands to the gateway.
 */
final class QueueTokens {

    static final String ISSUER = "ticketing-queue";

    private final List<ECKey> served = new CopyOnWriteArrayList<>();
    private volatile ECKey current;

    QueueTokens() {
        current = newKey("queue-key-1");
        served.add(current);
    }

    static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK Set as the queue service serves it: public parts only. */
    String jwkSet() {
        return new JWKSet(served.stream().map(key -> (JWK) key).toList()).toString(true);
    }

    /** Adds a new key to the served set and signs with it from now on, as the queue service's rotation does. */
    ECKey rotate(String kid) {
        ECKey key = newKey(kid);
        served.add(key);
        current = key;
        return key;
    }

    ECKey currentKey() {
        return current;
    }

    String active(String userId, String concertId) {
        return sign(claims("ACTIVE", userId, concertId).build(), current);
    }

    String waiting(String userId, String concertId) {
        return sign(claims("WAITING", userId, concertId).build(), current);
    }

    /** Claims of a fresh token, ten minutes to live; tests change what they need. */
    static JWTClaimsSet.Builder claims(String state, String userId, String concertId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .jwtID(UUID.randomUUID().toString())
                .subject(userId)
                .claim("cid", concertId)
                .claim("st", state)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    static String sign(JWTClaimsSet claims, ECKey key) {
        try {
            SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, current);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
