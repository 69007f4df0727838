package dev.ticketing.payment.idempotency.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class LockConflictsTest {

    @Test
    void aTransactionThatLostADeadlockRunsAgainAndItsAnswerIsReturned() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = LockConflicts.retried("charge", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            return "charged";
        });

        assertThat(answer).isEqualTo("charged");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void losingEveryAttemptEndsInLockContendedNotInTheDatabaseError() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LockConflicts.retried("payment", () -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("Deadlock found when trying to get lock");
        })).isInstanceOf(LockConflicts.LockContended.class).hasMessageContaining("payment");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LockConflicts.retried("charge", () -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }
}
