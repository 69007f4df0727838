package dev.ticketing.queue.waiting.application;

import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import dev.ticketing.queue.waiting.domain.WaitEstimate;

/** A queue answer: the entry, the freshly signed JWS for it, and the wait estimate. */
public record IssuedToken(QueueEntry entry, QueueTokenClaims claims, String jws, WaitEstimate estimate) {
}
