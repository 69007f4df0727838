package dev.ticketing.gateway.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueKeysTest {

    @Test
    void onlyEs256SigningKeysWithAKeyIdBecomeVerifiers() throws JOSEException {
        JWKSet set = new JWKSet(List.<JWK>of(
                new ECKeyGenerator(Curve.P_256).keyID("ec-sig").generate(),
                new ECKeyGenerator(Curve.P_256).keyID("ec-enc").keyUse(KeyUse.ENCRYPTION).generate(),
                new ECKeyGenerator(Curve.P_384).keyID("ec-384").generate(),
                new RSAKeyGenerator(2048).keyID("rsa").generate(),
                new ECKeyGenerator(Curve.P_256).generate()));

        assertThat(SigningKeySet.parse(set.toString(true))).containsOnlyKeys("ec-sig");
    }

    @Test
    void setWithoutAUsableKeyIsRefusedRatherThanInstalled() {
        assertThatThrownBy(() -> SigningKeySet.parse("{\"keys\":[]}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SigningKeySet.parse("<html>")).isInstanceOf(IllegalStateException.class);
    }

    private final QueueKeys keys = new QueueKeys(new TokenSettings(URI.create("http://localhost:1/jwks.json"),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofMinutes(10)),
            Clock.systemUTC(), WebClient.builder());

    @Test
    void gatewayIsNotReadyBeforeItHasKeysAndReadyAfter() throws JOSEException {
        assertThat(new TokenReadiness().queueKeysHealthIndicator(keys).health().getStatus()).isEqualTo(Status.DOWN);

        keys.install(Map.of("k-1", new ECKeyGenerator(Curve.P_256).keyID("k-1").generate().toPublicJWK()), "test");

        assertThat(new TokenReadiness().queueKeysHealthIndicator(keys).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aKeyThatDidNotChangeKeepsItsVerifierAcrossRefreshesSoVerifiedTokensStayCached() throws JOSEException {
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("k-1").generate().toPublicJWK();
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("k-2").generate().toPublicJWK();
        keys.install(Map.of("k-1", first), "test");
        JWSVerifier before = keys.verifierFor("k-1");

        keys.install(Map.of("k-1", first, "k-2", second), "test");

        assertThat(keys.verifierFor("k-1")).isSameAs(before);
        assertThat(keys.verifierFor("k-2")).isNotNull();
    }
}
