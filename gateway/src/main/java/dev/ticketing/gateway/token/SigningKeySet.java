package dev.ticketing.gateway.token;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

/** What the gateway takes from queue-service's JWK Set: its public ES256 signing keys, and a verifier for each. */
final class SigningKeySet {

    private SigningKeySet() {
    }

    /** The public ES256 signing keys of a set by kid; a set without any is refused, so a bad answer never empties ours. */
    static Map<String, ECKey> parse(String json) {
        Map<String, ECKey> keys = new HashMap<>();
        try {
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                if (isEs256SigningKey(jwk)) {
                    keys.put(jwk.getKeyID(), jwk.toECKey().toPublicJWK());
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable JWK Set: " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("JWK Set without an ES256 signing key");
        }
        return Map.copyOf(keys);
    }

    static JWSVerifier verifierOf(ECKey key) {
        try {
            return new ECDSAVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable EC key " + key.getKeyID(), e);
        }
    }

    private static boolean isEs256SigningKey(JWK jwk) {
        return jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) && jwk.getKeyID() != null
                && (jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse()))
                && (jwk.getAlgorithm() == null || JWSAlgorithm.ES256.equals(jwk.getAlgorithm()));
    }
}
