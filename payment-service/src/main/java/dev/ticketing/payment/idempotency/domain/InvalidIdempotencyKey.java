package dev.ticketing.payment.idempotency.domain;

/** The Idempotency-Key header is empty, too long or has characters outside visible ASCII. */
public class InvalidIdempotencyKey extends RuntimeException {

    public InvalidIdempotencyKey() {
        super("The Idempotency-Key header must be 1 to " + IdempotencyKey.MAX_LENGTH
                + " visible ASCII characters (a UUID, for example).");
    }
}
