package dev.ticketing.queue.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the queue API as the gateway would forward a client's calls. */
public record QueueClient(WebTestClient http) {

    public WebTestClient.ResponseSpec join(UUID userId, UUID concertId) {
        return http.post().uri("/api/v1/queue/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId.toString(), "concertId", concertId.toString()))
                .exchange();
    }

    public TokenAnswer joined(UUID userId, UUID concertId) {
        return join(userId, concertId).expectStatus().isCreated()
                .expectBody(TokenAnswer.class).returnResult().getResponseBody();
    }

    /** Polls with the identity headers the gateway sets from a verified token. */
    public WebTestClient.ResponseSpec poll(UUID tokenId, UUID userId, UUID concertId) {
        return http.get().uri("/api/v1/queue/tokens/me")
                .header("X-Token-Id", tokenId.toString())
                .header("X-User-Id", userId.toString())
                .header("X-Concert-Id", concertId.toString())
                .exchange();
    }

    public TokenAnswer polled(UUID tokenId, UUID userId, UUID concertId) {
        return poll(tokenId, userId, concertId).expectStatus().isOk()
                .expectBody(TokenAnswer.class).returnResult().getResponseBody();
    }
}
