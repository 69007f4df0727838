package dev.ticketing.gateway;

import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.awaitility.Awaitility.await;

class KeyRotationIT extends GatewayInFrontOfStubs {

    @Test
    void tokenSignedByANewlyPublishedKeyIsAcceptedWithoutRestart() {
        ECKey previous = tokens.currentKey();
        String signedBefore = QueueTokens.sign(QueueTokens.claims("ACTIVE", USER, CONCERT).build(), previous);

        tokens.rotate("queue-key-" + UUID.randomUUID());
        String signedAfter = tokens.active(USER, CONCERT);

        // At once in practice (the unknown kid triggers a fetch); bounded by the minimum interval between fetches.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get().uri("/api/v1/balance")
                .header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(signedAfter))
                .exchange()
                .expectStatus().isOk());
        // Tokens signed before the rotation stay valid: the old key stays in the set until they have expired.
        client.get().uri("/api/v1/balance")
                .header(HttpHeaders.AUTHORIZATION, QueueTokens.bearer(signedBefore))
                .exchange()
                .expectStatus().isOk();
    }
}
