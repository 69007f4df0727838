package dev.ticketing.queue.signing.adapter.jose;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.queue.signing.application.SigningKeys;
import dev.ticketing.queue.waiting.application.TokenSigner;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import reactor.core.publisher.Mono;

/** Signs queue tokens as compact ES256 JWS with the signing key: header {@code alg}, {@code kid}, {@code typ=JWT}. */
@Component
class JwsTokenSigner implements TokenSigner {

    private final SigningKeys keys;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    JwsTokenSigner(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Mono<String> sign(QueueTokenClaims claims) {
        return keys.signingKey().map(key -> sign(claims, key));
    }

    static JWTClaimsSet claimsSet(QueueTokenClaims claims) {
        return new JWTClaimsSet.Builder()
                .issuer(QueueTokenClaims.ISSUER)
                .jwtID(claims.tokenId().toString())
                .subject(claims.userId().toString())
                .claim("cid", claims.concertId().toString())
                .claim("st", claims.status().name())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build();
    }

    private String sign(QueueTokenClaims claims, ECKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jws = new SignedJWT(header, claimsSet(claims));
        try {
            jws.sign(signers.computeIfAbsent(key.getKeyID(), kid -> signerFor(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return jws.serialize();
    }

    private static JWSSigner signerFor(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing key " + key.getKeyID() + " has no private part", e);
        }
    }
}
