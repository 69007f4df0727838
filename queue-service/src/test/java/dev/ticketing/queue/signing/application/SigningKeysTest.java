package dev.ticketing.queue.signing.application;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.ticketing.queue.signing.domain.KeyRing;
import dev.ticketing.queue.support.ControlledClock;

class SigningKeysTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration LEAD = Duration.ofMinutes(2);

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final ControlledClock clock = new ControlledClock();
    private final SigningKeys keys = new SigningKeys(store, DAY, LEAD, clock);

    @Test
    void theFirstUseCreatesTheOneCurrentKeyAndPublishesTheNextOneWithIt() {
        ECKey first = keys.signingKey().block();
        KeyRing ring = keys.refresh().block();

        assertThat(ring.currentKid()).isEqualTo(first.getKeyID());
        assertThat(store.keys()).containsOnlyKeys(first.getKeyID(), ring.nextKid());
        assertThat(publishedKids()).containsExactlyInAnyOrder(first.getKeyID(), ring.nextKid());
        assertThat(new SigningKeys(store, DAY, LEAD, clock).signingKey().block().getKeyID())
                .as("another instance signs with the same key").isEqualTo(first.getKeyID());
    }

    @Test
    void theKeyARotationSwitchesToIsInTheJwkSetServedBeforeTheRotation() {
        String first = keys.signingKey().block().getKeyID();
        clock.advance(LEAD);
        List<String> servedBefore = publishedKids();

        SigningKeys.Rotation rotation = keys.rotate().block();

        assertThat(rotation.kid()).isNotEqualTo(first).isIn(servedBefore);
        assertThat(keys.signingKey().block().getKeyID()).as("signs at once").isEqualTo(rotation.kid());
        assertThat(rotation.signsFrom()).isEqualTo(clock.instant());
        assertThat(publishedKids()).as("the old key, the new one and a new next one")
                .hasSize(3).contains(first, rotation.kid());
    }

    @Test
    void aKeyPublishedLessThanTheLeadAgoSignsOnlyOnceTheLeadHasPassed() {
        keys.signingKey().block();
        clock.advance(LEAD);
        String second = keys.rotate().block().kid();
        clock.advance(Duration.ofSeconds(10));

        SigningKeys.Rotation third = keys.rotate().block();

        // The third key was published by the rotation 10 s ago: a gateway may not have fetched it yet.
        assertThat(keys.signingKey().block().getKeyID()).isEqualTo(second);
        // A JWK's iat counts whole seconds.
        assertThat(third.signsFrom()).isEqualTo(clock.instant().truncatedTo(SECONDS).plus(LEAD).minusSeconds(10));
        clock.advance(LEAD.minusSeconds(11));
        assertThat(keys.signingKey().block().getKeyID()).isEqualTo(second);
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.signingKey().block().getKeyID()).isEqualTo(third.kid());
        assertThat(publishedKids()).contains(second, third.kid());
    }

    @Test
    void aRotationKeepsThePreviousKeyUntilEveryTokenItCanHaveSignedHasExpiredThenDropsIt() {
        String first = keys.signingKey().block().getKeyID();
        clock.advance(LEAD);
        String second = keys.rotate().block().kid();

        // It may sign for up to the lead after the rotation, and those tokens live up to a day.
        Instant keptUntil = clock.instant().plus(LEAD).plus(DAY);
        assertThat(store.keys().get(first).getExpirationTime().toInstant())
                .isBetween(keptUntil.truncatedTo(SECONDS), keptUntil); // a JWK's exp counts whole seconds
        clock.advance(LEAD.plus(DAY));
        KeyRing ring = keys.refresh().block();

        assertThat(store.keys()).containsOnlyKeys(second, ring.nextKid());
        assertThat(publishedKids()).containsExactlyInAnyOrder(second, ring.nextKid());
    }

    @Test
    void aRotationThatRacesAnotherOneTriesAgainFromTheWinnersKeys() {
        keys.signingKey().block();
        store.loseNextRotations(2);

        SigningKeys.Rotation rotation = keys.rotate().block();

        assertThat(keys.refresh().block().currentKid()).isEqualTo(rotation.kid());
        assertThat(store.keys()).hasSize(5);
    }

    @Test
    void aRingStoredBeforeThereWereNextKeysGetsOneAndKeepsItsCurrentKey() {
        String current = keys.signingKey().block().getKeyID();
        store.dropNextPointer();

        KeyRing ring = new SigningKeys(store, DAY, LEAD, clock).refresh().block();

        assertThat(ring.currentKid()).isEqualTo(current);
        assertThat(ring.nextKid()).isNotEqualTo(current);
        assertThat(publishedKids()).contains(ring.nextKid());
    }

    private List<String> publishedKids() {
        return keys.publicKeys().block().getKeys().stream().map(JWK::getKeyID).toList();
    }
}
