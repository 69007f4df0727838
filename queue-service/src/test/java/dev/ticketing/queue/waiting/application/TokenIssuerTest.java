package dev.ticketing.queue.waiting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.queue.support.ControlledClock;
import dev.ticketing.queue.waiting.domain.AdmissionRate;
import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueuePolicy;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import dev.ticketing.queue.waiting.domain.TokenStatus;
import reactor.core.publisher.Mono;

class TokenIssuerTest {

    private final List<QueueTokenClaims> signed = new ArrayList<>();
    private final TokenSigner signer = claims -> {
        signed.add(claims);
        return Mono.just("jws-" + signed.size());
    };
    private final ControlledClock clock = new ControlledClock();
    private final TokenIssuer issuer = new TokenIssuer(signer,
            new QueuePolicy(100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1)), clock);

    private final UUID token = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID concert = UUID.randomUUID();

    @Test
    void aWaitingTokenPolledAgainKeepsItsJwsAndItsClaimsWhileThePlaceMoves() {
        IssuedToken first = issuer.issue(waiting(40)).block();
        clock.advance(Duration.ofSeconds(7));
        IssuedToken later = issuer.issue(waiting(12)).block();

        assertThat(signed).hasSize(1);
        assertThat(later.jws()).isEqualTo(first.jws());
        assertThat(later.claims()).isEqualTo(first.claims());
        assertThat(later.entry().position()).isEqualTo(12);
    }

    @Test
    void aWaitingTokenWithLessThanHalfItsLifetimeLeftIsSignedAnew() {
        IssuedToken first = issuer.issue(waiting(40)).block();
        clock.advance(QueuePolicy.WAITING_TOKEN_LIFETIME.dividedBy(2).plusSeconds(1));

        IssuedToken later = issuer.issue(waiting(3)).block();

        assertThat(signed).hasSize(2);
        assertThat(later.jws()).isNotEqualTo(first.jws());
        assertThat(later.claims().expiresAt()).isAfter(first.claims().expiresAt());
    }

    @Test
    void admissionGetsANewActiveJwsWhichLaterPollsKeep() {
        issuer.issue(waiting(1)).block();
        Instant activeUntil = clock.instant().plus(Duration.ofMinutes(10));

        IssuedToken admitted = issuer.issue(active(activeUntil)).block();
        clock.advance(Duration.ofSeconds(30));
        IssuedToken polled = issuer.issue(active(activeUntil)).block();

        assertThat(signed).hasSize(2);
        assertThat(admitted.claims().status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(polled.jws()).isEqualTo(admitted.jws());
    }

    @Test
    void anActiveTokenWhoseEndMovedIsSignedAnew() {
        Instant activeUntil = clock.instant().plus(Duration.ofMinutes(10));
        issuer.issue(active(activeUntil)).block();

        IssuedToken moved = issuer.issue(active(activeUntil.minusSeconds(90))).block();

        assertThat(signed).hasSize(2);
        assertThat(moved.claims().expiresAt()).isEqualTo(activeUntil.minusSeconds(90).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theSameTokenIdForAnotherUserOrConcertIsNeverAnsweredWithTheRememberedJws() {
        issuer.issue(waiting(5)).block();

        IssuedToken otherUser = issuer.issue(QueueEntry.waiting(token, UUID.randomUUID(), concert, 5,
                AdmissionRate.UNMEASURED)).block();
        IssuedToken otherConcert = issuer.issue(QueueEntry.waiting(token, user, UUID.randomUUID(), 5,
                AdmissionRate.UNMEASURED)).block();

        assertThat(signed).hasSize(3);
        assertThat(otherUser.claims().userId()).isNotEqualTo(user);
        assertThat(otherConcert.claims().concertId()).isNotEqualTo(concert);
    }

    private QueueEntry waiting(long position) {
        return QueueEntry.waiting(token, user, concert, position, AdmissionRate.UNMEASURED);
    }

    private QueueEntry active(Instant activeUntil) {
        return QueueEntry.active(token, user, concert, activeUntil);
    }
}
