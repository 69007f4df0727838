package dev.ticketing.queue.waiting.application;

import dev.ticketing.queue.waiting.domain.QueueEntry;
import dev.ticketing.queue.waiting.domain.QueueTokenClaims;
import dev.ticketing.queue.waiting.domain.WaitEstimate;

/**
 * A queue answer: the entry, the JWS for it, and the wait estimate; {@code newlySigned} when this answer is the
 * first to carry that JWS (it was signed for it, not remembered from an earlier answer).
 */
public record IssuedToken(QueueEntry entry, QueueTokenClaims claims, String jws, WaitEstimate estimate,
                          boolean newlySigned) {
}
