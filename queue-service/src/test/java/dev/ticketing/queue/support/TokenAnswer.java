package dev.ticketing.queue.support;

import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;

/** A queue answer as a client reads it. */
public record TokenAnswer(String token, String status, long position, long estimatedWaitSeconds, Instant expiresAt,
                          UUID tokenId, long pollAfterSeconds) {

    public SignedJWT jws() {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new AssertionError("not a JWS: " + token, e);
        }
    }
}
