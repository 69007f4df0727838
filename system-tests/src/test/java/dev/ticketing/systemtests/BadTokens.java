package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadRequest.get;

import java.util.List;

/** Missing, malformed, forged and oversized queue tokens on each kind of protected route. */
final class BadTokens {

    private static final String BALANCE = "/api/v1/balance";
    private static final String MINE = "/api/v1/queue/tokens/me";
    private static final String DATES = "/api/v1/concerts/{concertId}/dates";

    private BadTokens() {
    }

    static List<BadRequest> cases() {
        return List.of(
                get("no Authorization header", BALANCE).expect(401, "TOKEN_INVALID"),
                get("Bearer without a token", BALANCE).header("Authorization", "Bearer").expect(401, "TOKEN_INVALID"),
                get("Bearer and blanks", BALANCE).header("Authorization", "Bearer    ").expect(401, "TOKEN_INVALID"),
                get("Basic credentials", BALANCE).header("Authorization", "Basic dXNlcjpwYXNz").expect(401, "TOKEN_INVALID"),
                get("garbage token", MINE).header("Authorization", "Bearer not-a-token").expect(401, "TOKEN_INVALID"),
                get("three garbage parts", MINE).header("Authorization", "Bearer a.b.c").expect(401, "TOKEN_INVALID"),
                get("JSON instead of a token", BALANCE).header("Authorization", "Bearer {\"sub\":\"{userId}\"}")
                        .expect(401, "TOKEN_INVALID"),
                get("alg=none with real claims", BALANCE).header("Authorization", "Bearer {tokenAlgNone}")
                        .expect(401, "TOKEN_INVALID"),
                get("alg=none on an ACTIVE route", DATES).header("Authorization", "Bearer {tokenAlgNone}")
                        .expect(401, "TOKEN_INVALID"),
                get("HS256 re-signed with real claims", MINE).header("Authorization", "Bearer {tokenHs256}")
                        .expect(401, "TOKEN_INVALID"),
                get("claims changed under the real signature", BALANCE).header("Authorization", "Bearer {tokenTampered}")
                        .expect(401, "TOKEN_INVALID"),
                get("token of 6 KB", BALANCE).header("Authorization", "Bearer " + "A".repeat(6 * 1024))
                        .expect(401, "TOKEN_INVALID"),
                get("token of 64 KB", BALANCE).header("Authorization", "Bearer " + "A".repeat(64 * 1024))
                        .expect(431, "REQUEST_HEADER_FIELDS_TOO_LARGE"),
                get("token with raw non-ASCII bytes", BALANCE).header("Authorization", "Bearer \u00e9\u00e8.\u00ff.x")
                        .expect(401, "TOKEN_INVALID"),
                get("garbage token before the real one", BALANCE).header("Authorization", "Bearer garbage")
                        .header("Authorization", "{bearerToken}").expect(401, "TOKEN_INVALID"),
                get("token in the query string", BALANCE + "?access_token={token}").expect(401, "TOKEN_INVALID"),
                get("spoofed identity headers without a token", BALANCE).header("X-User-Id", "{userId}")
                        .header("X-Concert-Id", "{concertId}").expect(401, "TOKEN_INVALID"));
    }
}
