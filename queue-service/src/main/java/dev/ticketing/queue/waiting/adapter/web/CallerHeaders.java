package dev.ticketing.queue.waiting.adapter.web;

import static dev.ticketing.identity.IdentityHeaders.CONCERT_ID;
import static dev.ticketing.identity.IdentityHeaders.TOKEN_ID;
import static dev.ticketing.identity.IdentityHeaders.USER_ID;

import dev.ticketing.identity.IdentityHeaders;
import dev.ticketing.identity.MalformedIdentity;
import dev.ticketing.queue.waiting.application.CallerToken;
import dev.ticketing.queue.waiting.application.TokenRejected;
import dev.ticketing.queue.web.InvalidRequest;

/**
 * The caller's token as the gateway forwards it after verifying it ({@link IdentityHeaders}). Any header missing
 * means the request did not come through the token check: 401 TOKEN_INVALID; malformed ones are a 400.
 */
final class CallerHeaders {

    private CallerHeaders() {
    }

    static CallerToken caller(String tokenId, String userId, String concertId) {
        if (isBlank(tokenId) || isBlank(userId) || isBlank(concertId)) {
            throw TokenRejected.invalid("Send the queue token as Authorization: Bearer <token>.");
        }
        try {
            return new CallerToken(IdentityHeaders.parse(TOKEN_ID, tokenId), IdentityHeaders.parse(USER_ID, userId),
                    IdentityHeaders.parse(CONCERT_ID, concertId));
        } catch (MalformedIdentity e) {
            throw new InvalidRequest("The header " + e.header() + " is not a UUID.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
