package dev.ticketing.payment.idempotency.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.payment.idempotency.application.IdempotencyRecords.RecordedCall;
import dev.ticketing.payment.idempotency.domain.IdempotencyKeyReused;

/**
 * Runs a request sent with an Idempotency-Key at most once per user, endpoint and key, and answers every
 * repeat with the first answer (same status, same body).
 * <ul>
 * <li>The key is claimed, the effect applied and the answer stored in one transaction: they commit together
 * or not at all.</li>
 * <li>A concurrent duplicate blocks on the claimed row until the first one ends, then replays its answer.</li>
 * <li>Only successful answers are stored. A refused request (insufficient balance, expired hold, ...) rolls
 * back with its claim: it changed nothing, so a retry with the same key is a new attempt.</li>
 * <li>The same key with different content is refused (IdempotencyKeyReused, 422).</li>
 * </ul>
 */
@Service
public class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    private final IdempotencyRecords records;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IdempotentRequests(IdempotencyRecords records, PlatformTransactionManager transactions, Clock clock) {
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param prepare  the part that needs no transaction (validation, calls to other services); skipped for a
     *                 repeat whose answer is already stored
     * @param complete the effect, joining this transaction, and its answer
     */
    public <P> IdempotentAnswer execute(IdempotentCall call, Supplier<P> prepare,
                                        Function<P, StoredResponse> complete) {
        Optional<RecordedCall> earlier = records.find(call);
        if (earlier.isPresent()) {
            return replay(call, earlier.get());
        }
        P prepared = prepare.get();
        return LockConflicts.retried(call.endpoint(), () -> transaction.execute(status -> {
            Optional<RecordedCall> concurrent = records.claim(call, clock.instant());
            if (concurrent.isPresent()) {
                return replay(call, concurrent.get());
            }
            StoredResponse response = complete.apply(prepared);
            records.complete(call, response);
            return new IdempotentAnswer(response, false);
        }));
    }

    private static IdempotentAnswer replay(IdempotentCall call, RecordedCall recorded) {
        if (!recorded.fingerprint().equals(call.fingerprint())) {
            log.info("idempotency_key_reused userId={} endpoint=\"{}\"", call.userId(), call.endpoint());
            throw new IdempotencyKeyReused();
        }
        log.info("idempotent_replay userId={} endpoint=\"{}\" status={}", call.userId(), call.endpoint(),
                recorded.response().status());
        return new IdempotentAnswer(recorded.response(), true);
    }
}
