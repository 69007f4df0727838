package dev.ticketing.payment.idempotency.application;

import java.util.Objects;
import java.util.UUID;

import dev.ticketing.payment.idempotency.domain.IdempotencyKey;
import dev.ticketing.payment.idempotency.domain.RequestFingerprint;

/**
 * One request sent with an Idempotency-Key. Keys are scoped to the user and the endpoint: the same key on
 * another endpoint, or from another user, is a different call.
 *
 * @param endpoint a stable name of the operation, e.g. {@code POST /api/v1/payments}
 */
public record IdempotentCall(UUID userId, String endpoint, IdempotencyKey key, RequestFingerprint fingerprint) {

    public IdempotentCall {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
