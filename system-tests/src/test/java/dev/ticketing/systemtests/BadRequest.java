package dev.ticketing.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the bad-input corpus: a request and what the contract says it must get. The target, header values and
 * a text body may name the fixture's ids as {@code {concertId}}, {@code {date}}, {@code {reservationId}},
 * {@code {paymentId}} or {@code {userId}}; they are filled in when the case runs.
 *
 * @param status     the exact status expected, or 0 for any 4xx
 * @param code       the problem's {@code code} expected, or null for any
 * @param rawBody    bytes sent as they are instead of {@code body} (invalid UTF-8, raw NULs), or null
 */
record BadRequest(String name, String method, String target, List<RawHttp.Header> headers, String body,
                  byte[] rawBody, Credentials credentials, int status, String code) {

    enum Credentials { NONE, FAN_TOKEN, ADMIN_KEY }

    static final String JSON = "application/json";

    static BadRequest get(String name, String target) {
        return new BadRequest(name, "GET", target, List.of(), "", null, Credentials.NONE, 0, null);
    }

    static BadRequest post(String name, String target, String body) {
        return request(name, "POST", target, body);
    }

    static BadRequest request(String name, String method, String target, String body) {
        return new BadRequest(name, method, target, List.of(new RawHttp.Header("Content-Type", JSON)), body, null,
                Credentials.NONE, 0, null);
    }

    BadRequest withToken() {
        return new BadRequest(name, method, target, headers, body, rawBody, Credentials.FAN_TOKEN, status, code);
    }

    BadRequest withAdminKey() {
        return new BadRequest(name, method, target, headers, body, rawBody, Credentials.ADMIN_KEY, status, code);
    }

    BadRequest header(String headerName, String value) {
        List<RawHttp.Header> more = new ArrayList<>(headers);
        more.add(new RawHttp.Header(headerName, value));
        return new BadRequest(name, method, target, List.copyOf(more), body, rawBody, credentials, status, code);
    }

    /** Replaces the JSON content type; null sends none. */
    BadRequest contentType(String value) {
        List<RawHttp.Header> others = headers.stream().filter(h -> !h.name().equalsIgnoreCase("Content-Type")).toList();
        BadRequest without = new BadRequest(name, method, target, others, body, rawBody, credentials, status, code);
        return value == null ? without : without.header("Content-Type", value);
    }

    BadRequest rawBody(byte[] bytes) {
        return new BadRequest(name, method, target, headers, body, bytes, credentials, status, code);
    }

    BadRequest expect(int expectedStatus, String expectedCode) {
        return new BadRequest(name, method, target, headers, body, rawBody, credentials, expectedStatus, expectedCode);
    }

    BadRequest invalid() {
        return expect(400, "INVALID_REQUEST");
    }

    String resolvedTarget(Map<String, String> values) {
        return fill(target, values);
    }

    List<RawHttp.Header> resolvedHeaders(Map<String, String> values) {
        return headers.stream().map(h -> new RawHttp.Header(h.name(), fill(h.value(), values))).toList();
    }

    byte[] resolvedBody(Map<String, String> values) {
        return rawBody != null ? rawBody : fill(body, values).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + " [" + method + " " + RawHttp.abbreviate(target) + "]";
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
