package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class QueueTokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:15.678Z");

    private final UUID token = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID concert = UUID.randomUUID();

    @Test
    void aWaitingTokenIsIssuedForTwoHoursInWholeSeconds() {
        QueueTokenClaims claims = QueueTokenClaims.issueFor(
                QueueEntry.waiting(token, user, concert, 7, AdmissionRate.UNMEASURED), NOW);

        assertThat(claims.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(claims.issuedAt()).isEqualTo(Instant.parse("2026-11-21T09:30:15Z"));
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-11-21T11:30:15Z"));
        assertThat(claims.tokenId()).isEqualTo(token);
        assertThat(claims.userId()).isEqualTo(user);
        assertThat(claims.concertId()).isEqualTo(concert);
    }

    @Test
    void anActiveTokenEndsWithItsActiveTime() {
        Instant activeUntil = Instant.parse("2026-11-21T09:38:00.999Z");

        QueueTokenClaims claims = QueueTokenClaims.issueFor(QueueEntry.active(token, user, concert, activeUntil), NOW);

        assertThat(claims.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-11-21T09:38:00Z"));
    }

    @Test
    void aTokenCannotExpireBeforeItIsIssued() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueueTokenClaims(token, user, concert,
                TokenStatus.ACTIVE, NOW, NOW.minusSeconds(5)));
    }

    @Test
    void expiredTokensAreNeverIssued() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueueTokenClaims(token, user, concert,
                TokenStatus.EXPIRED, NOW, NOW.plusSeconds(5)));
    }
}
