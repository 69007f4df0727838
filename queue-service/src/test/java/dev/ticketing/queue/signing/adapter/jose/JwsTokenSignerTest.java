package dev.ticketing.queue.signing.adapter.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.queue.signing.application.InMemorySigningKeyStore;
import dev.ticketing.queue.signing.application.SigningKeys;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import dev.ticketing.queue.waiting.domain.TokenStatus;

class JwsTokenSignerTest {

    @Test
    void aTokenCarriesExactlyTheContractsHeaderAndClaims() throws Exception {
        SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(), Duration.ofHours(24), Duration.ofMinutes(2),
                Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
        QueueTokenClaims claims = new QueueTokenClaims(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                TokenStatus.ACTIVE, Instant.parse("2026-11-21T09:00:00Z"), Instant.parse("2026-11-21T09:10:00Z"));

        SignedJWT jws = SignedJWT.parse(new JwsTokenSigner(keys).sign(claims).block());

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jws.getHeader().getKeyID()).isEqualTo(keys.signingKey().block().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(keys.signingKey().block().toPublicJWK()))).isTrue();
        assertThat(jws.getJWTClaimsSet().toJSONObject()).isEqualTo(Map.of(
                "iss", "ticketing-queue",
                "jti", claims.tokenId().toString(),
                "sub", claims.userId().toString(),
                "cid", claims.concertId().toString(),
                "st", "ACTIVE",
                "iat", 1795251600L,
                "exp", 1795252200L));
    }
}
