package dev.ticketing.queue.signing.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

class SigningKeysTest {

    private static final Duration DAY = Duration.ofHours(24);

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Test
    void theFirstUseCreatesTheOneCurrentKey() {
        SigningKeys keys = new SigningKeys(store, DAY, clockAt("2026-11-21T09:00:00Z"));

        ECKey first = keys.current().block();

        assertThat(store.keys()).containsOnlyKeys(first.getKeyID());
        assertThat(new SigningKeys(store, DAY, clockAt("2026-11-21T09:00:01Z")).current().block().getKeyID())
                .as("another instance signs with the same key").isEqualTo(first.getKeyID());
    }

    @Test
    void aRotationKeepsThePreviousKeyUntilItsTokensHaveExpiredThenDropsIt() {
        SigningKeys keys = new SigningKeys(store, DAY, clockAt("2026-11-21T09:00:00Z"));
        String first = keys.current().block().getKeyID();

        String second = keys.rotate().block();

        assertThat(keys.current().block().getKeyID()).isEqualTo(second).isNotEqualTo(first);
        assertThat(keys.publicKeys().block().getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(first, second);
        assertThat(store.keys().get(first).getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));

        SigningKeys dayLater = new SigningKeys(store, DAY, clockAt("2026-11-22T09:00:00Z"));
        dayLater.refresh().block();
        assertThat(store.keys()).containsOnlyKeys(second);
    }

    @Test
    void aRotationThatRacesAnotherOneTriesAgainFromTheWinnersKey() {
        SigningKeys keys = new SigningKeys(store, DAY, clockAt("2026-11-21T09:00:00Z"));
        keys.current().block();
        store.loseNextRotations(2);

        String rotated = keys.rotate().block();

        assertThat(keys.current().block().getKeyID()).isEqualTo(rotated);
        assertThat(store.keys()).hasSize(4);
    }

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
