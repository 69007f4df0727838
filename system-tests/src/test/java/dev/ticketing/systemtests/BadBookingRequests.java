package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadInputCorpus.TWO_MIB;
import static dev.ticketing.systemtests.BadInputCorpus.TWO_TO_THE_63;
import static dev.ticketing.systemtests.BadRequest.get;
import static dev.ticketing.systemtests.BadRequest.post;

import java.util.List;

/**
 * Holds ({@code POST /reservations}) and payments ({@code POST /payments}) that are not what the contract accepts,
 * and reads of reservations and payments by ids that are not ids. Seat 8 of the fixture's date is free: a hold body
 * that slipped through would take it, and the snapshot would show it.
 */
final class BadBookingRequests {

    private static final String RESERVATIONS = "/api/v1/reservations";
    private static final String PAYMENTS = "/api/v1/payments";
    private static final String CONCERT = "\"concertId\":\"{concertId}\"";
    private static final String VALID_HOLD = "{" + CONCERT + ",\"date\":\"{date}\",\"seatNumber\":8}";

    private BadBookingRequests() {
    }

    static List<BadRequest> cases() {
        return List.of(
                seat("0", "0"),
                seat("51", "51"),
                seat("-1", "-1"),
                seat("a numeric string", "\"8\""),
                seat("a fraction", "1.5"),
                seat("an integral fraction", "8.0"),
                seat("1e400", "1e400"),
                seat("2^63", TWO_TO_THE_63),
                seat("negative zero", "-0"),
                seat("null", "null"),
                seat("an array", "[8]"),
                seat("true", "true"),
                date("30 February", "\"2026-02-30\""),
                date("empty", "\"\""),
                date("basic ISO format", "\"20261201\""),
                date("a number", "20261201"),
                date("an array of the real date", "[{dateParts}]"),
                date("null", "null"),
                post("hold: date in year 10000", RESERVATIONS, "{" + CONCERT + ",\"date\":\"+10000-01-01\",\"seatNumber\":8}")
                        .withToken(),
                post("hold: no seat", RESERVATIONS, "{" + CONCERT + ",\"date\":\"{date}\"}").withToken().invalid(),
                post("hold: concertId not a UUID", RESERVATIONS, "{\"concertId\":\"x\",\"date\":\"{date}\",\"seatNumber\":8}")
                        .withToken().invalid(),
                post("hold: concertId null", RESERVATIONS, "{\"concertId\":null,\"date\":\"{date}\",\"seatNumber\":8}")
                        .withToken().invalid(),
                post("hold: another concert", RESERVATIONS,
                        "{\"concertId\":\"00000000-0000-0000-0000-000000000000\",\"date\":\"{date}\",\"seatNumber\":8}")
                        .withToken().expect(403, "WRONG_CONCERT"),
                post("hold: array for the object", RESERVATIONS, "[" + VALID_HOLD + "]").withToken().invalid(),
                post("hold: duplicate key, the last one valid", RESERVATIONS,
                        "{" + CONCERT + ",\"date\":\"{date}\",\"seatNumber\":0,\"seatNumber\":8}").withToken().invalid(),
                post("hold: text/plain", RESERVATIONS, VALID_HOLD).withToken().contentType("text/plain").expect(415, null),
                post("hold: form", RESERVATIONS, "concertId={concertId}&date={date}&seatNumber=8").withToken()
                        .contentType("application/x-www-form-urlencoded").expect(415, null),
                post("hold: no content type", RESERVATIONS, VALID_HOLD).withToken().contentType(null).expect(415, null),
                post("hold: 2 MB body", RESERVATIONS, "{" + CONCERT + ",\"date\":\"{date}\",\"seatNumber\":8,\"pad\":\""
                        + TWO_MIB + "\"}").withToken().expect(413, "CONTENT_TOO_LARGE"),
                get("reservation: not a UUID", RESERVATIONS + "/not-a-uuid").withToken().invalid(),
                get("reservation: a UUID in braces", RESERVATIONS + "/%7B{reservationId}%7D").withToken().invalid(),
                get("reservation: nobody's", RESERVATIONS + "/00000000-0000-0000-0000-000000000000").withToken()
                        .expect(404, null),
                get("reservation: no token", RESERVATIONS + "/{reservationId}").expect(401, "TOKEN_INVALID"),
                pay("reservationId not a UUID", "\"not-a-uuid\""),
                pay("reservationId a number", "12"),
                pay("reservationId null", "null"),
                pay("reservationId an array", "[\"{reservationId}\"]"),
                post("pay: no reservationId", PAYMENTS, "{}").withToken().invalid(),
                post("pay: duplicate key, the last one real", PAYMENTS,
                        "{\"reservationId\":\"x\",\"reservationId\":\"{reservationId}\"}").withToken().invalid(),
                post("pay: the paid reservation again", PAYMENTS, "{\"reservationId\":\"{reservationId}\"}").withToken()
                        .expect(409, "ALREADY_PAID"),
                post("pay: nobody's reservation", PAYMENTS, "{\"reservationId\":\"00000000-0000-0000-0000-000000000000\"}")
                        .withToken().expect(404, null),
                post("pay: text/plain", PAYMENTS, "{\"reservationId\":\"{reservationId}\"}").withToken()
                        .contentType("text/plain").expect(415, null),
                post("pay: Idempotency-Key of 256 characters", PAYMENTS, "{\"reservationId\":\"{reservationId}\"}")
                        .withToken().header("Idempotency-Key", "k".repeat(256)).invalid(),
                post("pay: 2 MB body", PAYMENTS, "{\"reservationId\":\"{reservationId}\",\"pad\":\"" + TWO_MIB + "\"}")
                        .withToken().expect(413, "CONTENT_TOO_LARGE"),
                get("payment: not a UUID", PAYMENTS + "/not-a-uuid").withToken().invalid(),
                get("payment: nobody's", PAYMENTS + "/00000000-0000-0000-0000-000000000000").withToken().expect(404, null));
    }

    private static BadRequest seat(String what, String json) {
        return post("hold: seat " + what, RESERVATIONS, "{" + CONCERT + ",\"date\":\"{date}\",\"seatNumber\":" + json + "}")
                .withToken().invalid();
    }

    private static BadRequest date(String what, String json) {
        return post("hold: date " + what, RESERVATIONS, "{" + CONCERT + ",\"date\":" + json + ",\"seatNumber\":8}")
                .withToken().invalid();
    }

    private static BadRequest pay(String what, String json) {
        return post("pay: " + what, PAYMENTS, "{\"reservationId\":" + json + "}").withToken().invalid();
    }
}
