package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadInputCorpus.TWO_MIB;
import static dev.ticketing.systemtests.BadInputCorpus.TWO_TO_THE_63;
import static dev.ticketing.systemtests.BadRequest.post;
import static dev.ticketing.systemtests.BadRequest.request;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code POST /admin/concerts} with X-Admin-Key variants, and with the right key but a concert that must not be
 * created. Every body is a valid concert but for one thing, so a case that slipped through would add a concert to
 * the catalog, and the snapshot would show it.
 */
final class BadAdminRequests {

    private static final String CONCERTS = "/api/v1/admin/concerts";
    private static final String ROTATE = "/api/v1/admin/queue/keys/rotate";
    private static final LocalDate DAY = LocalDate.now().plusDays(90);
    private static final String TEXT = "\"title\":\"Bad input\",\"venue\":\"Nowhere\"";
    private static final String VALID = concert(TEXT, "[{\"date\":\"" + DAY + "\",\"price\":1000}]");

    private BadAdminRequests() {
    }

    static List<BadRequest> cases() {
        return List.of(
                post("admin: no key", CONCERTS, VALID).expect(401, "ADMIN_KEY_MISSING"),
                post("admin: empty key", CONCERTS, VALID).header("X-Admin-Key", "").expect(401, "ADMIN_KEY_MISSING"),
                post("admin: wrong key", CONCERTS, VALID).header("X-Admin-Key", "guess").expect(403, "ADMIN_KEY_INVALID"),
                post("admin: key with non-ASCII bytes", CONCERTS, VALID).header("X-Admin-Key", "\u00e9\u00ff")
                        .expect(403, "ADMIN_KEY_INVALID"),
                post("admin: the right key after a wrong one", CONCERTS, VALID).header("X-Admin-Key", "guess")
                        .header("X-Admin-Key", SystemUnderTest.ADMIN_KEY).expect(403, "ADMIN_KEY_INVALID"),
                post("admin: key of 64 KB", CONCERTS, VALID).header("X-Admin-Key", "k".repeat(64 * 1024))
                        .expect(431, "REQUEST_HEADER_FIELDS_TOO_LARGE"),
                post("admin: bearer token instead of the key", CONCERTS, VALID).header("Authorization", "{bearerToken}")
                        .expect(401, "ADMIN_KEY_MISSING"),
                post("admin: key rotation without a key", ROTATE, "").expect(401, null),
                post("admin: key rotation with a wrong key", ROTATE, "").header("X-Admin-Key", "guess").expect(403, null),
                request("admin: GET the admin collection", "GET", CONCERTS, "").withAdminKey().expect(405, null),
                admin("empty object", "{}"),
                admin("no dates", concert(TEXT, "[]")),
                admin("dates null", concert(TEXT, "null")),
                admin("dates an object", concert(TEXT, "{\"date\":\"" + DAY + "\",\"price\":1000}")),
                admin("title null", concert("\"title\":null,\"venue\":\"Nowhere\"", "[" + date(DAY, "1000") + "]")),
                admin("title a number", concert("\"title\":12,\"venue\":\"Nowhere\"", "[" + date(DAY, "1000") + "]")),
                admin("title of 201 characters", concert("\"title\":\"" + "t".repeat(201) + "\",\"venue\":\"Nowhere\"",
                        "[" + date(DAY, "1000") + "]")),
                admin("title with a NUL", concert("\"title\":\"Bad\\u0000input\",\"venue\":\"Nowhere\"", "[" + date(DAY, "1000") + "]")),
                admin("title with a control character", concert("\"title\":\"Bad\\u0007input\",\"venue\":\"Nowhere\"",
                        "[" + date(DAY, "1000") + "]")),
                admin("venue with a lone surrogate", concert("\"title\":\"Bad input\",\"venue\":\"\\ud800\"",
                        "[" + date(DAY, "1000") + "]")),
                admin("date 30 February", concert(TEXT, "[{\"date\":\"2027-02-30\",\"price\":1000}]")),
                admin("date in year 10000", concert(TEXT, "[{\"date\":\"+10000-01-01\",\"price\":1000}]")),
                admin("date at the end of time", concert(TEXT, "[{\"date\":\"+999999999-12-31\",\"price\":1000}]")),
                admin("date before the common era", concert(TEXT, "[{\"date\":\"-0001-01-01\",\"price\":1000}]")),
                admin("date in the past", concert(TEXT, "[{\"date\":\"2020-01-01\",\"price\":1000}]")),
                admin("date not zero-padded", concert(TEXT, "[{\"date\":\"2027-1-1\",\"price\":1000}]")),
                admin("the same date twice", concert(TEXT, "[" + date(DAY, "1000") + "," + date(DAY, "2000") + "]")),
                admin("367 dates", concert(TEXT, IntStream.range(0, 367).mapToObj(i -> date(DAY.plusDays(i), "1000"))
                        .collect(Collectors.joining(",", "[", "]")))),
                price("0", "0"),
                price("above 10,000,000", "10000001"),
                price("a fraction", "1.5"),
                price("1e400", "1e400"),
                price("2^63", TWO_TO_THE_63),
                price("a numeric string", "\"1000\""),
                price("null", "null"),
                opening("not an instant", "\"soon\""),
                opening("after the date", "\"" + DAY.plusDays(1) + "T12:00:00Z\""),
                opening("in year 10000", "\"+10000-01-01T00:00:00Z\""),
                opening("before the common era", "\"-0001-01-01T00:00:00Z\""),
                opening("in year 1", "\"0001-01-01T00:00:00Z\""),
                seatPrices("seat 0", "{\"0\":1000}"),
                seatPrices("seat 51", "{\"51\":1000}"),
                seatPrices("a seat that is not a number", "{\"x\":1000}"),
                seatPrices("a price of 0", "{\"1\":0}"),
                seatPrices("an array", "[1000]"),
                admin("duplicate key, the last one valid", "{\"dates\":[]," + VALID.substring(1)),
                post("admin: text/plain", CONCERTS, VALID).withAdminKey().contentType("text/plain").expect(415, null),
                post("admin: form", CONCERTS, "title=Bad&venue=Nowhere").withAdminKey()
                        .contentType("application/x-www-form-urlencoded").expect(415, null),
                post("admin: no content type", CONCERTS, VALID).withAdminKey().contentType(null).expect(415, null),
                post("admin: 2 MB body", CONCERTS, VALID.substring(0, VALID.length() - 1) + ",\"pad\":\"" + TWO_MIB + "\"}")
                        .withAdminKey().expect(413, "CONTENT_TOO_LARGE"));
    }

    private static String concert(String text, String dates) {
        return "{" + text + ",\"dates\":" + dates + "}";
    }

    private static String date(LocalDate day, String price) {
        return "{\"date\":\"" + day + "\",\"price\":" + price + "}";
    }

    private static BadRequest admin(String what, String body) {
        return post("admin: " + what, CONCERTS, body).withAdminKey().invalid();
    }

    private static BadRequest price(String what, String json) {
        return admin("price " + what, concert(TEXT, "[" + date(DAY, json) + "]"));
    }

    private static BadRequest opening(String what, String json) {
        return admin("booking opens " + what, concert(TEXT, "[{\"date\":\"" + DAY + "\",\"price\":1000,\"bookingOpensAt\":"
                + json + "}]"));
    }

    private static BadRequest seatPrices(String what, String json) {
        return admin("seat prices with " + what, concert(TEXT, "[{\"date\":\"" + DAY + "\",\"price\":1000,\"seatPrices\":"
                + json + "}]"));
    }
}
