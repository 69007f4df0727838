package dev.ticketing.queue.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketing.queue.QueueServiceIntegrationTest;
import dev.ticketing.queue.waiting.domain.QueuePolicy;

class SigningKeysIT extends QueueServiceIntegrationTest {

    /** The default of ticketing.queue.signing.publish-lead. */
    private static final Duration PUBLISH_LEAD = Duration.ofMinutes(2);

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
        // Whatever rotations ran before, the current key and the next one have now been published for the lead.
        clock.advance(PUBLISH_LEAD);
        SignedJWT before = joins(concertService.newConcert()).answer().jws();

        Rotated rotated = rotate();
        SignedJWT after = joins(concertService.newConcert()).answer().jws();

        assertThat(after.getHeader().getKeyID()).isEqualTo(rotated.kid()).isNotEqualTo(before.getHeader().getKeyID());
        assertThat(rotated.signsFrom()).isEqualTo(clock.instant());
        JWKSet keys = jwks();
        ECKey retired = keys.getKeyByKeyId(before.getHeader().getKeyID()).toECKey();
        assertThat(before.verify(new ECDSAVerifier(retired))).isTrue();
        assertThat(after.verify(new ECDSAVerifier(keys.getKeyByKeyId(rotated.kid()).toECKey()))).isTrue();
        // Kept for as long as a token it signed can live (it may sign for up to the lead after the rotation).
        assertThat(retired.getExpirationTime().toInstant()).isEqualTo(
                clock.instant().plus(PUBLISH_LEAD).plus(QueuePolicy.WAITING_TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theKeyARotationSwitchesToIsInTheJwkSetServedBeforeTheRotation() throws Exception {
        joins(concertService.newConcert()).answer();
        clock.advance(PUBLISH_LEAD);
        JWKSet servedBefore = jwks();

        Rotated rotated = rotate();
        SignedJWT first = joins(concertService.newConcert()).answer().jws();

        assertThat(first.getHeader().getKeyID()).isEqualTo(rotated.kid());
        // A gateway that fetched the set at any time before the rotation already verifies the new key's tokens.
        JWK published = servedBefore.getKeyByKeyId(rotated.kid());
        assertThat(published).as("the new signing key in the set served before the rotation").isNotNull();
        assertThat(first.verify(new ECDSAVerifier(published.toECKey()))).isTrue();
    }

    @Test
    void rotationsInQuickSuccessionSignOnlyWithKeysPublishedForTheLead() throws Exception {
        clock.advance(PUBLISH_LEAD);
        Rotated settled = rotate();
        clock.advance(Duration.ofSeconds(5));

        Rotated quick = rotate();
        SignedJWT meanwhile = joins(concertService.newConcert()).answer().jws();

        assertThat(meanwhile.getHeader().getKeyID()).isEqualTo(settled.kid());
        assertThat(quick.signsFrom()).isAfter(clock.instant());
        clock.advance(Duration.between(clock.instant(), quick.signsFrom()));
        assertThat(joins(concertService.newConcert()).answer().jws().getHeader().getKeyID()).isEqualTo(quick.kid());
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

    private Rotated rotate() {
        return http.post().uri("/api/v1/admin/queue/keys/rotate").header("X-Admin-Key", ADMIN_KEY)
                .exchange().expectStatus().isOk()
                .expectBody(Rotated.class).returnResult().getResponseBody();
    }

    record Rotated(String kid, Instant signsFrom) {
    }
}
