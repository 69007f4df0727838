package dev.ticketing.gateway.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.gateway.error.RejectedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ECKey key = newKey();
    private final TokenRevocations revocations = new TokenRevocations(CLOCK, new SimpleMeterRegistry());
    private final TokenSettings settings = new TokenSettings(URI.create("http://localhost:1/jwks.json"),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofMinutes(10));
    private final QueueKeys keys = new QueueKeys(settings, CLOCK, WebClient.builder());
    private final QueueTokenVerifier verifier = new QueueTokenVerifier(keys, revocations, settings, CLOCK);

    @BeforeEach
    void queueKeysAreLoaded() {
        keys.install(Map.of(key.getKeyID(), key.toPublicJWK()), "test");
    }

    @Test
    void validTokenGivesItsIdentityAndState() {
        QueueToken token = check(sign(claims().build()));

        assertThat(token).isEqualTo(new QueueToken("t-1", "u-1", "c-1", QueueToken.State.ACTIVE));
    }

    @Test
    void aTokenVerifiedBeforeIsStillCheckedForExpiryAndRevocation() {
        String jws = sign(claims().build());
        check(jws);

        revocations.revoke("t-1", NOW.plus(Duration.ofHours(1)));

        assertRejected(() -> check(jws), RejectedRequest.TOKEN_EXPIRED);
    }

    @Test
    void aTokenVerifiedBeforeIsNoLongerValidOnceItsKeyLeftTheSet() throws JOSEException {
        String jws = sign(claims().build());
        check(jws);

        keys.install(Map.of("k-2", new ECKeyGenerator(Curve.P_256).keyID("k-2").generate().toPublicJWK()), "test");

        assertThat(verifier.verify("Bearer " + jws)).as("signed by a key the set no longer holds").isNull();
        assertRejected(() -> verifier.verifyAfterKeyRefresh("Bearer " + jws), RejectedRequest.TOKEN_INVALID);
    }

    @Test
    void expiryWithinTheClockSkewIsStillAccepted() {
        assertThat(check(sign(claims().expirationTime(Date.from(NOW.minusSeconds(4))).build()))).isNotNull();
    }

    @Test
    void expiryBeyondTheClockSkewIsExpired() {
        assertRejected(() -> check(sign(claims().expirationTime(Date.from(NOW.minusSeconds(6))).build())),
                RejectedRequest.TOKEN_EXPIRED);
    }

    @Test
    void revokedTokenIsExpired() {
        revocations.revoke("t-1", NOW.plus(Duration.ofHours(1)));

        assertRejected(() -> check(sign(claims().build())), RejectedRequest.TOKEN_EXPIRED);
    }

    @Test
    void tokenWithoutExpiryOrAClaimOrAKnownStateIsInvalid() {
        assertRejected(() -> check(sign(claims().expirationTime(null).build())), RejectedRequest.TOKEN_INVALID);
        assertRejected(() -> check(sign(claims().issueTime(null).build())), RejectedRequest.TOKEN_INVALID);
        assertRejected(() -> check(sign(claims().claim("cid", null).build())), RejectedRequest.TOKEN_INVALID);
        assertRejected(() -> check(sign(claims().jwtID(null).build())), RejectedRequest.TOKEN_INVALID);
        assertRejected(() -> check(sign(claims().claim("st", "EXPIRED").build())), RejectedRequest.TOKEN_INVALID);
    }

    @Test
    void aTokenLivingLongerThanRevocationsAreRememberedIsInvalidAndOneAsLongIsValid() {
        // A WAITING JWS lives 2 h: revoked ids are kept 2 h after their end, which covers every JWS issued before it.
        assertThat(check(sign(claims().claim("st", "WAITING")
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(2)))).build()))).isNotNull();
        // Issued by a queue service with a longer lifetime than this gateway knows (the 24 h of old, or a
        // QUEUE_ACTIVE_TTL given to the queue service only): revoked, it would be accepted again after 2 h.
        assertRejected(() -> check(sign(claims().claim("st", "WAITING")
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(24)))).build())), RejectedRequest.TOKEN_INVALID);
        assertRejected(() -> check(sign(claims().issueTime(Date.from(NOW.minus(Duration.ofHours(3)))).build())),
                RejectedRequest.TOKEN_INVALID);
        assertThat(verifier.learn(sign(claims().jwtID("t-2")
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(3)))).build()))).isFalse();
    }

    @Test
    void revocationsAreKeptForTheLongerOfTheWaitingLifetimeAndTheActiveTime() {
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(new TokenSettings(URI.create("http://localhost:1/jwks.json"), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofHours(3)).maxLifetime())
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void tokenOfAnotherIssuerIsInvalid() {
        assertRejected(() -> check(sign(claims().issuer("ticketing-queue-evil").build())),
                RejectedRequest.TOKEN_INVALID);
    }

    @Test
    void tokenSignedWithAnotherAlgorithmIsInvalidWhateverItsSignature() throws JOSEException {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims().build());
        hmac.sign(new MACSigner(new byte[32]));

        assertRejected(() -> verifier.verify("Bearer " + hmac.serialize()), RejectedRequest.TOKEN_INVALID);
    }

    @Test
    void tokenOfAnUnknownKeyIsLeftForAKeyRefreshThenInvalid() throws JOSEException {
        ECKey unknown = new ECKeyGenerator(Curve.P_256).keyID("k-unknown").generate();
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k-unknown").build(),
                claims().build());
        jws.sign(new ECDSASigner(unknown));

        assertThat(verifier.verify("Bearer " + jws.serialize())).isNull();
        assertRejected(() -> verifier.verifyAfterKeyRefresh("Bearer " + jws.serialize()),
                RejectedRequest.TOKEN_INVALID);
    }

    @Test
    void aTokenQueueServiceIssuedIsKnownWithoutItsSignatureChecked() {
        String signed = sign(claims().build());
        // Its signature no longer matches: only learning can make the gateway take it.
        String unverifiable = signed.substring(0, signed.lastIndexOf('.') + 1) + "A".repeat(86);
        assertRejected(() -> verifier.verify("Bearer " + unverifiable), RejectedRequest.TOKEN_INVALID);

        assertThat(verifier.learn(unverifiable)).isTrue();

        assertThat(verifier.verify("Bearer " + unverifiable))
                .isEqualTo(new QueueToken("t-1", "u-1", "c-1", QueueToken.State.ACTIVE));
        assertThat(verifier.learn(unverifiable)).as("known already").isFalse();
    }

    @Test
    void aLearnedTokenIsStillCheckedForExpiryAndRevocation() {
        String jws = sign(claims().build());
        verifier.learn(jws);

        revocations.revoke("t-1", NOW.plus(Duration.ofHours(1)));

        assertRejected(() -> verifier.verify("Bearer " + jws), RejectedRequest.TOKEN_EXPIRED);
    }

    @Test
    void aTokenTheGatewayCouldNotPlaceIsNotLearnedAndIsCheckedWhenUsed() throws JOSEException {
        ECKey unknown = new ECKeyGenerator(Curve.P_256).keyID("k-unknown").generate();
        SignedJWT ofAnUnknownKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k-unknown").build(),
                claims().build());
        ofAnUnknownKey.sign(new ECDSASigner(unknown));
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims().build());
        hmac.sign(new MACSigner(new byte[32]));

        assertThat(verifier.learn(ofAnUnknownKey.serialize())).isFalse();
        assertThat(verifier.learn(hmac.serialize())).isFalse();
        assertThat(verifier.learn(sign(claims().claim("st", "EXPIRED").build()))).isFalse();
        assertThat(verifier.learn("not.a-token")).isFalse();

        assertThat(verifier.verify("Bearer " + ofAnUnknownKey.serialize())).as("left for a key refresh").isNull();
        assertRejected(() -> verifier.verify("Bearer " + hmac.serialize()), RejectedRequest.TOKEN_INVALID);
    }

    private QueueToken check(String jws) {
        return verifier.verify("bearer " + jws);
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    claims);
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("ticketing-queue").jwtID("t-1").subject("u-1").claim("cid", "c-1")
                .claim("st", "ACTIVE").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600)));
    }

    private static void assertRejected(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RejectedRequest.class,
                rejected -> assertThat(rejected.code()).isEqualTo(code));
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
