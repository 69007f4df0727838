package dev.ticketing.loadtests;

import io.gatling.javaapi.core.Session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the identity claims out of a queue token (docs/queue-tokens.md) without verifying it: the benchmark only
 * needs them to play the gateway's part when it talks to queue-service directly, where nothing sets
 * X-User-Id / X-Concert-Id / X-Token-Id for it. The JWS payload is the base64url middle part.
 */
final class QueueToken {

    static final String USER_ID = "tokenUserId";
    static final String CONCERT_ID = "tokenConcertId";
    static final String TOKEN_ID = "tokenId";

    private QueueToken() {
    }

    /** Session step: stores sub, cid and jti of the session's "token" under the attribute names above. */
    static Session withIdentity(Session session) {
        String payload = payloadOf(session.getString("token"));
        return session
                .set(USER_ID, claim(payload, "sub"))
                .set(CONCERT_ID, claim(payload, "cid"))
                .set(TOKEN_ID, claim(payload, "jti"));
    }

    static String payloadOf(String jws) {
        String[] parts = jws == null ? new String[0] : jws.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + jws);
        }
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    static String claim(String payloadJson, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payloadJson);
        if (!value.find()) {
            throw new IllegalArgumentException("claim '" + name + "' missing in " + payloadJson);
        }
        return value.group(1);
    }
}
