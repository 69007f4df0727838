package dev.ticketing.queue.waiting.adapter.web;

import java.util.UUID;

import dev.ticketing.queue.waiting.application.CallerToken;
import dev.ticketing.queue.waiting.application.TokenRejectedException;
import dev.ticketing.queue.web.InvalidRequestException;

/**
 * The caller's token as the gateway forwards it after verifying it (X-Token-Id, X-User-Id, X-Concert-Id). Missing
 * headers mean the request did not come through the token check: 401 TOKEN_INVALID; malformed ones are a 400.
 */
final class CallerHeaders {

    static final String TOKEN_ID = "X-Token-Id";
    static final String USER_ID = "X-User-Id";
    static final String CONCERT_ID = "X-Concert-Id";

    private CallerHeaders() {
    }

    static CallerToken caller(String tokenId, String userId, String concertId) {
        if (isBlank(tokenId) || isBlank(userId) || isBlank(concertId)) {
            throw TokenRejectedException.invalid("Send the queue token as Authorization: Bearer <token>.");
        }
        return new CallerToken(uuid(TOKEN_ID, tokenId), uuid(USER_ID, userId), uuid(CONCERT_ID, concertId));
    }

    private static UUID uuid(String header, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The header " + header + " is not a UUID.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
