package dev.ticketing.queue.signing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;

class KeyRingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aNewKeyIsAnEs256SigningKeyNamedByItsThumbprint() throws Exception {
        ECKey key = KeyRing.newKey(NOW);

        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getExpirationTime()).isNull();
    }

    @Test
    void aReplacedKeyExpiresWhenTheLastTokenItCanHaveSignedDoes() {
        KeyRing ring = ringOf(KeyRing.newKey(NOW));

        ECKey retired = ring.retiredCurrent(NOW, DAY);

        assertThat(retired.getExpirationTime().toInstant()).isEqualTo(NOW.plus(DAY));
        assertThat(retired.getKeyID()).isEqualTo(ring.currentKid());
        assertThat(retired.isPrivate()).isTrue();
    }

    @Test
    void thePublicSetHasTheCurrentAndTheStillValidKeysWithoutPrivateParts() {
        ECKey current = KeyRing.newKey(NOW);
        ECKey recent = retired(KeyRing.newKey(NOW.minus(DAY)), NOW.plusSeconds(3600));
        ECKey old = retired(KeyRing.newKey(NOW.minus(DAY.multipliedBy(2))), NOW.minusSeconds(1));
        KeyRing ring = new KeyRing(current.getKeyID(), Map.of(current.getKeyID(), current, recent.getKeyID(), recent,
                old.getKeyID(), old));

        assertThat(ring.publicSet(NOW).getKeys()).extracting(JWK::getKeyID)
                .containsExactlyInAnyOrder(current.getKeyID(), recent.getKeyID());
        assertThat(ring.publicSet(NOW).getKeys()).noneMatch(JWK::isPrivate);
        assertThat(ring.expiredKids(NOW)).containsExactly(old.getKeyID());
    }

    @Test
    void theCurrentKeyIsNeverPruned() {
        ECKey current = retired(KeyRing.newKey(NOW), NOW.minusSeconds(10));
        KeyRing ring = ringOf(current);

        assertThat(ring.expiredKids(NOW)).isEmpty();
        assertThat(ring.publicSet(NOW).getKeys()).hasSize(1);
    }

    @Test
    void aRingMustHoldItsCurrentKey() {
        ECKey key = KeyRing.newKey(NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> new KeyRing("elsewhere", Map.of(key.getKeyID(), key)));
    }

    private static KeyRing ringOf(ECKey key) {
        return new KeyRing(key.getKeyID(), Map.of(key.getKeyID(), key));
    }

    private static ECKey retired(ECKey key, Instant expiresAt) {
        return new ECKey.Builder(key).expirationTime(java.util.Date.from(expiresAt)).build();
    }
}
