package dev.ticketing.queue.waiting.adapter.web;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.queue.waiting.application.IssuedToken;

/**
 * The answer to a join or a poll (DESIGN.md section 4), plus two extras: {@code tokenId} (the {@code jti}) and
 * {@code pollAfterSeconds} (when to ask again to keep the place).
 *
 * @param token     the JWS to send from now on (a new one once ACTIVE)
 * @param position  1 for the first in line; 0 once ACTIVE
 * @param expiresAt the {@code exp} of {@code token}: for a WAITING token 2 h ahead (the place itself is kept by
 *                  polling, and a poll with less than half of that left gets a new token), for an ACTIVE one the end
 *                  of its ACTIVE time
 */
record QueueTokenResponse(String token, String status, long position, long estimatedWaitSeconds, Instant expiresAt,
                          UUID tokenId, long pollAfterSeconds) {

    static QueueTokenResponse of(IssuedToken issued) {
        return new QueueTokenResponse(issued.jws(), issued.entry().status().name(), issued.entry().position(),
                issued.estimate().estimatedWaitSeconds(), issued.claims().expiresAt(), issued.entry().tokenId(),
                issued.estimate().pollAfterSeconds());
    }
}
