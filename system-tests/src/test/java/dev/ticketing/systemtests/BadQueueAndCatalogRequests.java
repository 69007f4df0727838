package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadInputCorpus.DEEP_NESTING;
import static dev.ticketing.systemtests.BadInputCorpus.TWO_MIB;
import static dev.ticketing.systemtests.BadRequest.get;
import static dev.ticketing.systemtests.BadRequest.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Joining the queue ({@code POST /queue/tokens}) with bodies that are not a join, and the date listing of the
 * fixture's concert with dates that are not dates. A join that slipped through with the fan's own ids would only
 * give back the fan's token, so the bodies that could be read as a valid join use them: a 201 fails the case.
 */
final class BadQueueAndCatalogRequests {

    private static final String JOIN = "/api/v1/queue/tokens";
    private static final String SEATS = "/api/v1/concerts/{concertId}/dates/%s/seats";
    private static final String VALID_JOIN = "{\"userId\":\"{userId}\",\"concertId\":\"{concertId}\"";

    private BadQueueAndCatalogRequests() {
    }

    static List<BadRequest> cases() {
        return List.of(
                post("join: empty object", JOIN, "{}").invalid(),
                post("join: null", JOIN, "null").invalid(),
                post("join: array for the object", JOIN, "[" + VALID_JOIN + "}]").invalid(),
                post("join: a string", JOIN, "\"join\"").invalid(),
                post("join: empty body", JOIN, "").invalid(),
                post("join: truncated JSON", JOIN, VALID_JOIN).invalid(),
                post("join: trailing garbage", JOIN, VALID_JOIN + "} trailing").invalid(),
                post("join: userId not a UUID", JOIN, "{\"userId\":\"alice\",\"concertId\":\"{concertId}\"}").invalid(),
                post("join: userId a number", JOIN, "{\"userId\":12,\"concertId\":\"{concertId}\"}").invalid(),
                post("join: userId null", JOIN, "{\"userId\":null,\"concertId\":\"{concertId}\"}").invalid(),
                post("join: userId an array", JOIN, "{\"userId\":[\"{userId}\"],\"concertId\":\"{concertId}\"}").invalid(),
                post("join: concertId an object", JOIN, "{\"userId\":\"{userId}\",\"concertId\":{\"id\":\"{concertId}\"}}")
                        .invalid(),
                post("join: concertId 1e400", JOIN, "{\"userId\":\"{userId}\",\"concertId\":1e400}").invalid(),
                post("join: unknown concert", JOIN, "{\"userId\":\"{userId}\",\"concertId\":\"00000000-0000-0000-0000-000000000000\"}")
                        .expect(404, "CONCERT_NOT_FOUND"),
                post("join: duplicate key, the last one valid", JOIN,
                        "{\"userId\":\"alice\",\"userId\":\"{userId}\",\"concertId\":\"{concertId}\"}").invalid(),
                post("join: escaped NUL in the userId", JOIN, "{\"userId\":\"{userId}\\u0000\",\"concertId\":\"{concertId}\"}")
                        .invalid(),
                post("join: raw NUL bytes in the body", JOIN, "").rawBody(
                        ("{\"userId\":\"\u0000\u0000\",\"concertId\":\"\u0000\"}").getBytes(StandardCharsets.ISO_8859_1)).invalid(),
                post("join: invalid UTF-8", JOIN, "").rawBody(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})
                        .invalid(),
                post("join: lone surrogate", JOIN, "{\"userId\":\"\\ud800\",\"concertId\":\"{concertId}\"}").invalid(),
                post("join: right-to-left override in the userId", JOIN,
                        "{\"userId\":\"\u202e{userId}\",\"concertId\":\"{concertId}\"}").invalid(),
                post("join: nested 5,000 deep", JOIN, DEEP_NESTING).invalid(),
                post("join: 2 MB body", JOIN, VALID_JOIN + ",\"pad\":\"" + TWO_MIB + "\"}"),
                post("join: text/plain", JOIN, VALID_JOIN + "}").contentType("text/plain").expect(415, null),
                post("join: form", JOIN, "userId={userId}&concertId={concertId}")
                        .contentType("application/x-www-form-urlencoded").expect(415, null),
                post("join: no content type", JOIN, VALID_JOIN + "}").contentType(null).expect(415, null),
                get("seats: 30 February", SEATS.formatted("2026-02-30")).withToken().invalid(),
                get("seats: year 10000", SEATS.formatted("+10000-01-01")).withToken(),
                get("seats: year -1", SEATS.formatted("-0001-01-01")).withToken(),
                get("seats: year 0", SEATS.formatted("0000-01-01")).withToken(),
                get("seats: month 13", SEATS.formatted("2026-13-01")).withToken().invalid(),
                get("seats: basic ISO format", SEATS.formatted("20261201")).withToken().invalid(),
                get("seats: a date-time", SEATS.formatted("{date}T00:00")).withToken().invalid(),
                get("seats: a word", SEATS.formatted("tomorrow")).withToken().invalid(),
                get("seats: full-width digits", SEATS.formatted("%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-12-01")).withToken()
                        .invalid(),
                get("seats: NUL after the date", SEATS.formatted("{date}%00")).withToken().invalid(),
                get("seats: a date with no sale", SEATS.formatted("2999-12-31")).withToken().expect(404, "DATE_NOT_FOUND"),
                get("dates: a concert id that is not a UUID", "/api/v1/concerts/not-a-uuid/dates").withToken()
                        .expect(403, "WRONG_CONCERT"),
                get("dates: another concert", "/api/v1/concerts/00000000-0000-0000-0000-000000000000/dates").withToken()
                        .expect(403, "WRONG_CONCERT"));
    }
}
