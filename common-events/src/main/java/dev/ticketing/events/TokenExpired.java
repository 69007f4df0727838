package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A token ended for good; its holder must join the queue again. Frees an ACTIVE slot of the concert.
 * {@code joinedAt} is when its holder joined the line (absent from events published before it was added).
 */
public record TokenExpired(UUID tokenId, UUID userId, UUID concertId, Reason reason, Instant expiredAt,
                           @OptionalField(since = "2026-12") Instant joinedAt)
        implements QueueEvent {

    public TokenExpired {
        Require.present(tokenId, "tokenId");
        Require.present(userId, "userId");
        Require.present(concertId, "concertId");
        Require.present(reason, "reason");
        Require.present(expiredAt, "expiredAt");
        Require.notAfterIfPresent(joinedAt, "joinedAt", expiredAt, "expiredAt");
    }

    public enum Reason {
        /** The holder paid (after PaymentCompleted). */
        PAID,
        /** The holder's seat hold ran out unpaid (after HoldExpired). */
        HOLD_EXPIRED,
        /** An ACTIVE token reached its maximum lifetime. */
        TIMEOUT,
        /** A WAITING token stopped polling and lost its place. */
        ABANDONED
    }
}
