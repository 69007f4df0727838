package dev.ticketing.events;

import java.time.Instant;
import java.util.UUID;

/** A waiting token was admitted: its holder may browse and book until {@code expiresAt} at the latest. */
public record TokenActivated(UUID tokenId, UUID userId, UUID concertId, Instant activatedAt, Instant expiresAt)
        implements QueueEvent {

    public TokenActivated {
        Require.present(tokenId, "tokenId");
        Require.present(userId, "userId");
        Require.present(concertId, "concertId");
        Require.after(expiresAt, "expiresAt", activatedAt, "activatedAt");
    }
}
