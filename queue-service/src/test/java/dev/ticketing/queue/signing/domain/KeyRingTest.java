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
    private static final Duration LEAD = Duration.ofMinutes(2);

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
        KeyRing ring = ringOf(KeyRing.newKey(NOW), KeyRing.newKey(NOW));

        ECKey retired = ring.retiredCurrent(NOW, LEAD, DAY);

        // It may go on signing for up to the lead, and such a token lives up to a day.
        assertThat(retired.getExpirationTime().toInstant()).isEqualTo(NOW.plus(LEAD).plus(DAY));
        assertThat(retired.getKeyID()).isEqualTo(ring.currentKid());
        assertThat(retired.isPrivate()).isTrue();
    }

    @Test
    void thePublicSetHasTheCurrentTheNextAndTheStillValidKeysWithoutPrivateParts() {
        ECKey current = KeyRing.newKey(NOW);
        ECKey next = KeyRing.newKey(NOW);
        ECKey recent = retired(KeyRing.newKey(NOW.minus(DAY)), NOW.plusSeconds(3600));
        ECKey old = retired(KeyRing.newKey(NOW.minus(DAY.multipliedBy(2))), NOW.minusSeconds(1));
        KeyRing ring = new KeyRing(current.getKeyID(), next.getKeyID(), Map.of(current.getKeyID(), current,
                next.getKeyID(), next, recent.getKeyID(), recent, old.getKeyID(), old));

        assertThat(ring.publicSet(NOW).getKeys()).extracting(JWK::getKeyID)
                .containsExactlyInAnyOrder(current.getKeyID(), next.getKeyID(), recent.getKeyID());
        assertThat(ring.publicSet(NOW).getKeys()).noneMatch(JWK::isPrivate);
        assertThat(ring.expiredKids(NOW)).containsExactly(old.getKeyID());
    }

    @Test
    void theCurrentAndTheNextKeyAreNeverPruned() {
        ECKey current = retired(KeyRing.newKey(NOW), NOW.minusSeconds(10));
        ECKey next = retired(KeyRing.newKey(NOW), NOW.minusSeconds(10));
        KeyRing ring = ringOf(current, next);

        assertThat(ring.expiredKids(NOW)).isEmpty();
        assertThat(ring.publicSet(NOW).getKeys()).hasSize(2);
    }

    @Test
    void theNextKeyNeverSigns() {
        ECKey current = KeyRing.newKey(NOW.minus(DAY));
        ECKey next = KeyRing.newKey(NOW.minus(DAY));
        KeyRing ring = ringOf(current, next);

        assertThat(ring.signingKey(NOW, LEAD)).isEqualTo(current);
    }

    @Test
    void aCurrentKeyPublishedForTheLeadSigns() {
        ECKey previous = retired(KeyRing.newKey(NOW.minus(DAY)), NOW.plus(DAY));
        ECKey current = KeyRing.newKey(NOW.minus(LEAD));
        KeyRing ring = ringOf(current, KeyRing.newKey(NOW), previous);

        assertThat(ring.signingKey(NOW, LEAD)).isEqualTo(current);
    }

    @Test
    void untilTheCurrentKeyHasBeenPublishedForTheLeadTheMostRecentlyCurrentKeyThatHasSigns() {
        ECKey longAgo = retired(KeyRing.newKey(NOW.minus(DAY)), NOW.plus(DAY));
        ECKey previous = retired(KeyRing.newKey(NOW.minus(DAY)), NOW.plus(DAY).plusSeconds(30));
        ECKey young = retired(KeyRing.newKey(NOW.minusSeconds(50)), NOW.plus(DAY).plusSeconds(40));
        ECKey current = KeyRing.newKey(NOW.minusSeconds(40));
        KeyRing ring = ringOf(current, KeyRing.newKey(NOW.minusSeconds(10)), longAgo, previous, young);

        assertThat(ring.signingKey(NOW, LEAD)).isEqualTo(previous);
        assertThat(ring.signingKey(NOW.plus(LEAD).minusSeconds(40), LEAD)).isEqualTo(current);
    }

    @Test
    void aRingMustHoldDistinctCurrentAndNextKeys() {
        ECKey key = KeyRing.newKey(NOW);
        ECKey other = KeyRing.newKey(NOW);

        assertThatIllegalArgumentException().isThrownBy(
                () -> new KeyRing("elsewhere", key.getKeyID(), Map.of(key.getKeyID(), key)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new KeyRing(key.getKeyID(), "elsewhere", Map.of(key.getKeyID(), key)));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyRing(key.getKeyID(), key.getKeyID(),
                Map.of(key.getKeyID(), key, other.getKeyID(), other)));
    }

    private static KeyRing ringOf(ECKey current, ECKey next, ECKey... replaced) {
        Map<String, ECKey> keys = new java.util.HashMap<>();
        keys.put(current.getKeyID(), current);
        keys.put(next.getKeyID(), next);
        for (ECKey key : replaced) {
            keys.put(key.getKeyID(), key);
        }
        return new KeyRing(current.getKeyID(), next.getKeyID(), keys);
    }

    private static ECKey retired(ECKey key, Instant expiresAt) {
        return new ECKey.Builder(key).expirationTime(java.util.Date.from(expiresAt)).build();
    }
}
