package dev.ticketing.payment.idempotency.application;

/** @param replayed true when this is the stored answer of an earlier request with the same key */
public record IdempotentAnswer(StoredResponse response, boolean replayed) {
}
