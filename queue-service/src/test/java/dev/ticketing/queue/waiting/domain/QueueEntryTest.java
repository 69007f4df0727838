package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class QueueEntryTest {

    private final UUID token = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID concert = UUID.randomUUID();

    @Test
    void aWaitingEntryHasAPlaceFromOne() {
        assertThat(QueueEntry.waiting(token, user, concert, 1, AdmissionRate.UNMEASURED).position()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() ->
                QueueEntry.waiting(token, user, concert, 0, AdmissionRate.UNMEASURED));
    }

    @Test
    void anActiveEntryIsAtPositionZeroWithAnEnd() {
        QueueEntry active = QueueEntry.active(token, user, concert, Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(active.position()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> QueueEntry.active(token, user, concert, null));
    }

    @Test
    void anExpiredTokenHasNoPlaceInLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueueEntry(token, user, concert, TokenStatus.EXPIRED,
                0, null, AdmissionRate.UNMEASURED, 0));
    }

    @Test
    void aRateIsNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> AdmissionRate.measured(-1));
    }
}
