package dev.ticketing.systemtests;

import static dev.ticketing.systemtests.BadInputCorpus.TWO_MIB;
import static dev.ticketing.systemtests.BadInputCorpus.TWO_TO_THE_63;
import static dev.ticketing.systemtests.BadRequest.post;

import java.util.List;

/** Charges whose amount is not an integer 1…10,000,000, and Idempotency-Key headers that are not keys. */
final class BadBalanceRequests {

    private static final String CHARGES = "/api/v1/balance/charges";
    private static final String VALID = "{\"amount\":100}";

    private BadBalanceRequests() {
    }

    static List<BadRequest> cases() {
        return List.of(
                amount("zero", "0"),
                amount("negative", "-1"),
                amount("above 10,000,000", "10000001"),
                amount("a fraction", "1.5"),
                amount("an integral fraction", "100.0"),
                amount("exponent notation", "1e3"),
                amount("1e400", "1e400"),
                amount("2^63", TWO_TO_THE_63),
                amount("-2^63 - 1", "-" + "9223372036854775809"),
                amount("negative zero", "-0"),
                amount("a numeric string", "\"100\""),
                amount("null", "null"),
                amount("true", "true"),
                amount("an array", "[100]"),
                amount("an object", "{\"value\":100}"),
                amount("NaN", "NaN"),
                amount("hexadecimal", "0x64"),
                amount("leading zeros", "0100"),
                post("charge: no amount", CHARGES, "{}").withToken().invalid(),
                post("charge: array for the object", CHARGES, "[" + VALID + "]").withToken().invalid(),
                post("charge: duplicate key, the last one valid", CHARGES, "{\"amount\":-1,\"amount\":100}").withToken()
                        .invalid(),
                post("charge: text/plain", CHARGES, VALID).withToken().contentType("text/plain").expect(415, null),
                post("charge: form", CHARGES, "amount=100").withToken().contentType("application/x-www-form-urlencoded")
                        .expect(415, null),
                post("charge: no content type", CHARGES, VALID).withToken().contentType(null).expect(415, null),
                post("charge: 2 MB body", CHARGES, "{\"amount\":100,\"pad\":\"" + TWO_MIB + "\"}").withToken()
                        .expect(413, "CONTENT_TOO_LARGE"),
                key("empty", ""),
                key("256 characters", "k".repeat(256)),
                key("with a space", "two words"),
                key("non-ASCII bytes", "cl\u00e9-\u00ff"),
                key("a tab inside", "a\tb"),
                key("of 64 KB", "k".repeat(64 * 1024)).expect(431, "REQUEST_HEADER_FIELDS_TOO_LARGE"));
    }

    private static BadRequest amount(String what, String json) {
        return post("charge: amount " + what, CHARGES, "{\"amount\":" + json + "}").withToken().invalid();
    }

    /** With a valid body: only the key is wrong, so a charge that went through would change the balance. */
    private static BadRequest key(String what, String value) {
        return post("charge: Idempotency-Key " + what, CHARGES, VALID).withToken().header("Idempotency-Key", value);
    }
}
