package dev.ticketing.queue.waiting.application;

import java.util.Objects;
import java.util.UUID;

/** The token a request was made with, as the gateway verified it (X-Token-Id, X-User-Id, X-Concert-Id). */
public record CallerToken(UUID tokenId, UUID userId, UUID concertId) {

    public CallerToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
    }
}
