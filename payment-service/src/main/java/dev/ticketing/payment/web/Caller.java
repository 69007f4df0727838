package dev.ticketing.payment.web;

import static dev.ticketing.identity.IdentityHeaders.CONCERT_ID;
import static dev.ticketing.identity.IdentityHeaders.TOKEN_ID;
import static dev.ticketing.identity.IdentityHeaders.USER_ID;

import java.util.Objects;
import java.util.UUID;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.identity.MissingIdentity;

/**
 * Who is calling, as the gateway stated it in the identity headers after verifying the queue token. Services
 * trust only these headers; a user id never comes from a path or body.
 *
 * @param tokenId   the queue token's id ({@code X-Token-Id}), or null when the header was not sent
 * @param concertId the concert the queue token admits to ({@code X-Concert-Id}), or null when not sent
 */
public record Caller(UUID userId, UUID tokenId, UUID concertId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
    }

    /** X-User-Id is required; X-Token-Id and X-Concert-Id only where {@link #requireTokenId} and the like ask. */
    static Caller from(IdentityHeaders headers) {
        return new Caller(headers.required(USER_ID), headers.optional(TOKEN_ID), headers.optional(CONCERT_ID));
    }

    /** @throws MissingIdentity when the gateway did not forward the token id */
    public UUID requireTokenId() {
        if (tokenId == null) {
            throw new MissingIdentity(TOKEN_ID);
        }
        return tokenId;
    }

    /** @throws MissingIdentity when the gateway did not forward the token's concert */
    public UUID requireConcertId() {
        if (concertId == null) {
            throw new MissingIdentity(CONCERT_ID);
        }
        return concertId;
    }
}
