package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A waiting token was admitted: its holder may browse and book until {@code expiresAt} at the latest.
 * {@code joinedAt} is when its holder joined the line (absent from events published before it was added).
 */
public record TokenActivated(UUID tokenId, UUID userId, UUID concertId, Instant activatedAt, Instant expiresAt,
                             @OptionalField(since = "2026-12") Instant joinedAt)
        implements QueueEvent {

    public TokenActivated {
        Require.present(tokenId, "tokenId");
        Require.present(userId, "userId");
        Require.present(concertId, "concertId");
        Require.after(expiresAt, "expiresAt", activatedAt, "activatedAt");
        Require.notAfterIfPresent(joinedAt, "joinedAt", activatedAt, "activatedAt");
    }
}
