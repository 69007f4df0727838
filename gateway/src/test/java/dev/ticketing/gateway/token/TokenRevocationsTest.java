package dev.ticketing.gateway.token;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRevocationsTest {

    private static final Instant START = Instant.parse("2026-11-21T09:30:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TokenRevocations revocations = new TokenRevocations(clock, meters);

    @Test
    void revokedTokenStaysRevokedUntilNoJwsOfItCanBeValidThenIsForgotten() {
        revocations.revoke("t-1", START.plus(Duration.ofHours(24)));
        revocations.revoke("t-2", START.plus(Duration.ofHours(25)));

        clock.advance(Duration.ofHours(24));
        assertThat(revocations.evictExpired()).isEqualTo(1);

        assertThat(revocations.isRevoked("t-1")).isFalse();
        assertThat(revocations.isRevoked("t-2")).isTrue();
        assertThat(meters.get("ticketing.gateway.revocations").gauge().value()).isEqualTo(1);
    }

    @Test
    void revocationWhoseTokensAreAllExpiredAlreadyIsNotStored() {
        revocations.revoke("t-1", START.minusSeconds(1));

        assertThat(revocations.isRevoked("t-1")).isFalse();
        assertThat(revocations.size()).isZero();
    }

    @Test
    void aRepeatedEventKeepsTheLongerBound() {
        revocations.revoke("t-1", START.plus(Duration.ofHours(2)));
        revocations.revoke("t-1", START.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(90));
        revocations.evictExpired();

        assertThat(revocations.isRevoked("t-1")).isTrue();
    }

    @Test
    void behindCountsTheSecondsSinceTheFeedWasLastUpToDate() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(behind()).isEqualTo(30);

        revocations.upToDate();
        assertThat(behind()).isZero();

        clock.advance(Duration.ofSeconds(4));
        assertThat(behind()).isEqualTo(4);
    }

    private double behind() {
        return meters.get("ticketing.gateway.revocations.behind").gauge().value();
    }
}
