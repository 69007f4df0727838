package dev.ticketing.payment.idempotency.application;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a whole transaction again when the database chose it as a deadlock victim (or it timed out waiting for a
 * lock). Concurrent upserts of one user's balance row can deadlock in InnoDB; the loser's transaction was rolled
 * back entirely, so running it again is safe. Must wrap the transaction from outside, never run inside one.
 */
public final class LockConflicts {

    private static final Logger log = LoggerFactory.getLogger(LockConflicts.class);
    private static final int ATTEMPTS = 3;

    private LockConflicts() {
    }

    /** @throws LockContended if every attempt lost a lock conflict; the client may simply try again */
    public static <T> T retried(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new LockContended(what, e);
                }
                log.info("transaction_retried operation={} attempt={} reason=lock_conflict", what, attempt);
            }
        }
    }

    /** The same work lost a lock conflict on every attempt: answered 503, never 500. */
    public static final class LockContended extends RuntimeException {

        LockContended(String what, Throwable cause) {
            super(what + " kept losing lock conflicts", cause);
        }
    }
}
