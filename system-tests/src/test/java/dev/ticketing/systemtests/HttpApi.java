package dev.ticketing.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A black-box client of the public HTTP contract: requests go through the gateway only. */
final class HttpApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET());
    }

    Response get(String path) {
        return get(path, Map.of());
    }

    Response post(String path, String body, Map<String, String> headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A POST sent again, with the same headers (so the same Idempotency-Key), after each 503 that carries
     * {@code Retry-After}, as the contract tells a client to: at most {@code attempts} in all. Each retry is printed,
     * so a run shows how often a service asked for one.
     */
    Response postFollowingRetryAfter(String path, String body, Map<String, String> headers, int attempts) {
        Response response = post(path, body, headers);
        for (int attempt = 2; attempt <= attempts && response.status() == 503 && response.retryAfterSeconds().isPresent();
                attempt++) {
            long seconds = Math.min(response.retryAfterSeconds().getAsLong(), 10);
            System.out.println("[retry-after] POST " + path + " answered 503 (" + response.code() + "), sent again after "
                    + seconds + " s");
            LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
            response = post(path, body, headers);
        }
        return response;
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), Duration.ofNanos(System.nanoTime() - started),
                    response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String body, Duration took, String retryAfter) {

        /** Retry-After in seconds, when the answer carries it in that form. */
        OptionalLong retryAfterSeconds() {
            return retryAfter.matches("\\d{1,4}") ? OptionalLong.of(Long.parseLong(retryAfter)) : OptionalLong.empty();
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        String code() {
            return json().path("code").asString();
        }
    }
}
