package dev.ticketing.payment.idempotency.application;

import java.util.Objects;

/** The answer given to the first request with a key: its HTTP status and JSON body, replayed as they were. */
public record StoredResponse(int status, String body) {

    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
