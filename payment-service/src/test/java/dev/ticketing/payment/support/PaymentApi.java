package dev.ticketing.payment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's public API over a real HTTP client, safe to call from many threads at once (the concurrency
 * tests do). Identity headers are set as the gateway would set them.
 */
public final class PaymentApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    public PaymentApi(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Answer charge(UUID userId, long amount) {
        return charge(userId, "{\"amount\": " + amount + "}", null);
    }

    public Answer charge(UUID userId, String body, String idempotencyKey) {
        return post("/api/v1/balance/charges", userId, null, body, idempotencyKey);
    }

    public Answer pay(UUID userId, UUID tokenId, UUID reservationId, String idempotencyKey) {
        return pay(userId, tokenId, ReservationServiceStub.CONCERT_ID, reservationId, idempotencyKey);
    }

    /** Pays in the caller's trace: {@code traceParent} is the W3C header the gateway's span sends on. */
    public Answer payInTrace(UUID userId, UUID tokenId, UUID reservationId, String traceParent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/payments"))
                .header("X-Concert-Id", ReservationServiceStub.CONCERT_ID.toString())
                .header("traceparent", traceParent);
        return post(request, userId, tokenId, "{\"reservationId\": \"" + reservationId + "\"}", null);
    }

    /** Pays with a token of {@code concertId} (the gateway forwards it as X-Concert-Id). */
    public Answer pay(UUID userId, UUID tokenId, UUID concertId, UUID reservationId, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/payments"))
                .header("X-Concert-Id", concertId.toString());
        return post(request, userId, tokenId, "{\"reservationId\": \"" + reservationId + "\"}", idempotencyKey);
    }

    public long balance(UUID userId) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/balance"))
                .header("X-User-Id", userId.toString()).GET().build());
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /balance answered " + answer);
        }
        return answer.json().get("balance").asLong();
    }

    /** {@code GET path?query} as the owner, e.g. {@code get(user, "/api/v1/balance/history", "limit=5")}. */
    public Answer get(UUID userId, String path, String query) {
        String uri = baseUrl + path + (query == null || query.isEmpty() ? "" : "?" + query);
        return send(HttpRequest.newBuilder(URI.create(uri)).header("X-User-Id", userId.toString()).GET().build());
    }

    /** Every item of a listing, following {@code nextCursor} with pages of {@code limit}, newest first. */
    public List<JsonNode> all(UUID userId, String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = get(userId, path, "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + page);
            }
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return items;
    }

    private Answer post(String path, UUID userId, UUID tokenId, String body, String idempotencyKey) {
        return post(HttpRequest.newBuilder(URI.create(baseUrl + path)), userId, tokenId, body, idempotencyKey);
    }

    private Answer post(HttpRequest.Builder request, UUID userId, UUID tokenId, String body, String idempotencyKey) {
        request.header("Content-Type", "application/json")
                .header("X-User-Id", userId.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (tokenId != null) {
            request.header("X-Token-Id", tokenId.toString());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Idempotent-Replayed").orElse(null), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param replayed the Idempotent-Replayed header, null when absent */
    public record Answer(int status, String body, String replayed, java.net.http.HttpHeaders headers) {

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }
    }
}
