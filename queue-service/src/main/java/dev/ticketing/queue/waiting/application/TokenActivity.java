package dev.ticketing.queue.waiting.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A request made with an ACTIVE token at {@code at}, as a gateway saw it. */
public record TokenActivity(UUID tokenId, Instant at) {

    public TokenActivity {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(at, "at");
    }
}
