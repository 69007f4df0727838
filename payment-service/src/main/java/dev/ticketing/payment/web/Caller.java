package dev.ticketing.payment.web;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling, as the gateway stated it in the identity headers after verifying the queue token. Services
 * trust only these headers; a user id never comes from a path or body.
 *
 * @param tokenId   the queue token's id ({@code X-Token-Id}), or null when the header was not sent
 * @param concertId the concert the queue token admits to ({@code X-Concert-Id}), or null when not sent
 */
public record Caller(UUID userId, UUID tokenId, UUID concertId) {

    public static final String USER_ID_HEADER = "X-User-Id";
    public static final String TOKEN_ID_HEADER = "X-Token-Id";
    public static final String CONCERT_ID_HEADER = "X-Concert-Id";

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    /** @throws MissingIdentity when the gateway did not forward the token id */
    public UUID requireTokenId() {
        if (tokenId == null) {
            throw new MissingIdentity(TOKEN_ID_HEADER);
        }
        return tokenId;
    }

    /** @throws MissingIdentity when the gateway did not forward the token's concert */
    public UUID requireConcertId() {
        if (concertId == null) {
            throw new MissingIdentity(CONCERT_ID_HEADER);
        }
        return concertId;
    }
}
