package dev.ticketing.reservation.hold.domain;

import java.util.Objects;
import java.util.UUID;

/** Who asks for a hold: the user, and the queue token that admitted them (one hold per token). */
public record Holder(UUID userId, UUID tokenId) {

    public Holder {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
