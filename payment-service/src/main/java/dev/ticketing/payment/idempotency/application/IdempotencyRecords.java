package dev.ticketing.payment.idempotency.application;

import java.time.Instant;
import java.util.Optional;

import dev.ticketing.payment.idempotency.domain.RequestFingerprint;

/** The remembered calls (table idempotency_record). */
public interface IdempotencyRecords {

    /** The committed record of this user, endpoint and key, if any. */
    Optional<RecordedCall> find(IdempotentCall call);

    /**
     * Inserts the call's record in the current transaction. If another transaction holds it, this waits for
     * that one to end: when it committed, its record is returned (and nothing is inserted); when it rolled
     * back, this insert goes ahead.
     *
     * @return empty when this call now owns the key, else the committed record of the earlier call
     */
    Optional<RecordedCall> claim(IdempotentCall call, Instant now);

    /** Stores the answer of a call this transaction claimed. */
    void complete(IdempotentCall call, StoredResponse response);

    /** Forgets calls made before {@code cutoff}, at most {@code limit} of them; returns how many. */
    int forgetBefore(Instant cutoff, int limit);

    record RecordedCall(RequestFingerprint fingerprint, StoredResponse response) {
    }
}
