package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadRequest.get;
import static dev.ticketing.systemtests.BadRequest.request;

import java.util.List;

/** Path tricks and encodings, unknown paths and methods: refused before anything is read, by the gateway or a service. */
final class BadPathsAndMethods {

    private BadPathsAndMethods() {
    }

    static List<BadRequest> cases() {
        return List.of(
                get("encoded dot segments climb to admin", "/api/v1/concerts/%2e%2e/%2e%2e/admin/concerts").invalid(),
                get("upper-case encoded dot segments", "/api/v1/%2E%2E/api/v1/balance").withToken(),
                get("encoded slash", "/api/v1/reservations%2f{reservationId}").withToken(),
                get("literal dot segment", "/api/v1/admin/../balance").withToken().invalid(),
                get("dot segment at the end", "/api/v1/concerts/.").invalid(),
                get("empty segment", "/api/v1//balance").withToken(),
                get("leading double slash", "//api/v1/concerts"),
                get("path parameter", "/api/v1/balance;jsessionid=1").withToken().invalid(),
                get("path parameter inside a segment", "/api/v1/reservations/{reservationId};x=1").withToken().invalid(),
                get("backslash", "/api/v1/concerts\\..\\admin").invalid(),
                get("encoded backslash", "/api/v1/concerts%5c..%5cadmin"),
                get("NUL after the path", "/api/v1/balance%00").withToken(),
                get("NUL inside an id", "/api/v1/reservations/{reservationId}%00").withToken().invalid(),
                get("double-encoded dot segments in an id", "/api/v1/reservations/%252e%252e%252fadmin").withToken().invalid(),
                get("double-encoded NUL", "/api/v1/payments/%2500").withToken().invalid(),
                get("invalid percent escape", "/api/v1/reservations/%zz").withToken().invalid(),
                get("raw non-ASCII byte in the path", "/api/v1/reservations/\u00e9\u00ff").withToken(),
                get("overlong id segment", "/api/v1/reservations/" + "a".repeat(3_000)).withToken().invalid(),
                get("overlong path (16 KB)", "/api/v1/concerts/" + "a".repeat(16 * 1024)).expect(414, "URI_TOO_LONG"),
                get("unknown path", "/api/v1/nothing-here").withToken().expect(404, null),
                get("trailing slash on a protected route", "/api/v1/balance/").withToken().expect(404, null),
                get("extra segment after the seat listing", "/api/v1/concerts/{concertId}/dates/{date}/seats/7").withToken()
                        .expect(404, null),
                request("DELETE a reservation", "DELETE", "/api/v1/reservations/{reservationId}", "").withToken()
                        .expect(405, null),
                request("PUT the balance", "PUT", "/api/v1/balance", "{\"balance\":999999}").withToken().expect(405, null),
                request("PATCH the catalog without a token", "PATCH", "/api/v1/concerts", "{}"),
                request("DELETE a queue token", "DELETE", "/api/v1/queue/tokens/me", "").withToken().expect(405, null),
                request("HEAD a missing reservation id", "HEAD", "/api/v1/reservations/not-a-uuid", "").withToken().invalid(),
                request("HEAD the balance with a garbage token", "HEAD", "/api/v1/balance", "")
                        .header("Authorization", "Bearer garbage").expect(401, "TOKEN_INVALID"));
    }
}
