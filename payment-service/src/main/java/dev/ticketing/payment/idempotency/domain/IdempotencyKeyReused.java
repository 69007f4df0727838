package dev.ticketing.payment.idempotency.domain;

/** The key was already used, by the same user on the same endpoint, for a request with different content. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new request.");
    }
}
