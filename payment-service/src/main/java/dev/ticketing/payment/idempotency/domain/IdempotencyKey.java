package dev.ticketing.payment.idempotency.domain;

/**
 * The client's name for one logical request (the {@code Idempotency-Key} header): 1 to 255 visible ASCII
 * characters, compared exactly. A UUID is the usual choice.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new InvalidIdempotencyKey();
        }
    }
}
