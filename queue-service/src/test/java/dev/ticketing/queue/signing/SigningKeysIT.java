package dev.ticketing.queue.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.queue.QueueServiceIntegrationTest;

class SigningKeysIT extends QueueServiceIntegrationTest {

    @Test
    void theJwkSetHoldsThePublicKeyThatVerifiesIssuedTokens() throws Exception {
        SignedJWT token = joins(concertService.newConcert()).answer().jws();

        JWKSet keys = jwks();

        JWK key = keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(keys.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(token.verify(new ECDSAVerifier(key.toECKey()))).isTrue();
    }

    @Test
    void afterARotationNewTokensUseTheNewKeyAndEarlierOnesStillVerify() throws Exception {
        SignedJWT before = joins(concertService.newConcert()).answer().jws();

        String newKid = http.post().uri("/api/v1/admin/queue/keys/rotate").header("X-Admin-Key", ADMIN_KEY)
                .exchange().expectStatus().isOk()
                .expectBody(Rotated.class).returnResult().getResponseBody().kid();
        SignedJWT after = joins(concertService.newConcert()).answer().jws();

        assertThat(after.getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(before.getHeader().getKeyID());
        JWKSet keys = jwks();
        ECKey retired = keys.getKeyByKeyId(before.getHeader().getKeyID()).toECKey();
        assertThat(before.verify(new ECDSAVerifier(retired))).isTrue();
        assertThat(after.verify(new ECDSAVerifier(keys.getKeyByKeyId(newKid).toECKey()))).isTrue();
        // Kept for as long as a token it signed can live, then dropped.
        assertThat(retired.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void rotatingWithoutTheAdminKeyIsUnauthorized() {
        http.post().uri("/api/v1/admin/queue/keys/rotate").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ADMIN_KEY_MISSING");
    }

    @Test
    void rotatingWithAWrongAdminKeyIsForbidden() {
        http.post().uri("/api/v1/admin/queue/keys/rotate").header("X-Admin-Key", "guess-" + UUID.randomUUID())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ADMIN_KEY_INVALID");
    }

    private JWKSet jwks() throws Exception {
        String json = http.get().uri("/api/v1/queue/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/jwk-set+json")
                .expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(json);
    }

    record Rotated(String kid) {
    }
}
