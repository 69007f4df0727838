package dev.ticketing.payment.idempotency.adapter.web;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.ticketing.payment.idempotency.application.IdempotentAnswer;
import dev.ticketing.payment.idempotency.application.IdempotentCall;
import dev.ticketing.payment.idempotency.application.IdempotentRequests;
import dev.ticketing.payment.idempotency.application.LockConflicts;
import dev.ticketing.payment.idempotency.application.StoredResponse;
import dev.ticketing.payment.idempotency.domain.IdempotencyKey;
import dev.ticketing.payment.idempotency.domain.RequestFingerprint;

/**
 * The HTTP side of Idempotency-Key: controllers hand over the use case, this answers with the first answer of
 * the key. The body is stored as the JSON this service sent, and a replay is marked
 * {@code Idempotent-Replayed: true}.
 */
@Component
public class IdempotentResponses {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotentRequests requests;
    private final JsonMapper json;

    IdempotentResponses(IdempotentRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    /**
     * @param key              the header's value, or null when the client sent none (then the request simply runs)
     * @param canonicalRequest what the request asks for, e.g. {@code amount=5000}; the same key must come with
     *                         the same content
     * @param prepare          the part outside the transaction, see {@link IdempotentRequests#execute}
     * @param complete         the transactional effect and its answer
     */
    public <P, T> ResponseEntity<T> respond(String key, UUID userId, Endpoint<T> endpoint, String canonicalRequest,
                                            Supplier<P> prepare, Function<P, T> complete) {
        if (key == null) {
            P prepared = prepare.get();
            return ResponseEntity.status(endpoint.status())
                    .body(LockConflicts.retried(endpoint.name(), () -> complete.apply(prepared)));
        }
        IdempotentCall call = new IdempotentCall(userId, endpoint.name(), new IdempotencyKey(key),
                RequestFingerprint.of(canonicalRequest));
        IdempotentAnswer answer = requests.execute(call, prepare, prepared ->
                new StoredResponse(endpoint.status().value(), json.writeValueAsString(complete.apply(prepared))));
        return ResponseEntity.status(answer.response().status())
                .header(REPLAYED_HEADER, String.valueOf(answer.replayed()))
                .body(json.readValue(answer.response().body(), endpoint.body()));
    }

    /**
     * An operation that accepts Idempotency-Key.
     *
     * @param name   stable across releases: stored answers are found by it
     * @param status the status of its successful answer
     * @param body   the type of its successful answer
     */
    public record Endpoint<T>(String name, HttpStatus status, Class<T> body) {

        public Endpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(body, "body");
        }
    }
}
