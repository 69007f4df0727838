package dev.ticketing.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class OperationsIT extends GatewayInFrontOfStubs {

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"})
    void healthGroupsAreUp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusServesMetricsTaggedWithTheApplication() {
        getWithActiveToken("/api/v1/queue/tokens/me").exchange().expectStatus().isOk();

        scrape()
                .value(containsString("application=\"gateway\""))
                .value(containsString("resilience4j_circuitbreaker_state"))
                .value(containsString("ticketing_gateway_token_rejected_total{application=\"gateway\",reason=\"TOKEN_INVALID\"}"))
                .value(containsString("ticketing_gateway_ratelimit_rejected_total"))
                .value(containsString("ticketing_gateway_ratelimit_degraded_total"))
                .value(containsString("ticketing_gateway_revocations"))
                .value(containsString("ticketing_gateway_revocations_behind_seconds"))
                // Buckets for the latency panels, with the SLO's 500 ms as one of them.
                .value(containsString("http_server_requests_seconds_bucket{"))
                .value(containsString("le=\"0.5\""));
    }

    @Test
    void proxiedRequestsAreTimedUnderTheContractsRouteNotUnknown() {
        getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();

        scrape()
                .value(containsString("method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/concerts/{concertId}/dates\""))
                .value(body -> assertThat(body).doesNotContain("uri=\"/api/v1/concerts/" + CONCERT));
    }

    /**
     * The latency buckets make the scrape larger than the client's default 256 KB buffer once many routes, methods
     * and statuses have been served (the whole IT suite shares this context).
     */
    private WebTestClient.BodySpec<String, ?> scrape() {
        return client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class);
    }

    @Test
    void swaggerUiListsEveryServicesDocument() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(List.class, urls -> assertThat(urls).containsExactlyInAnyOrder(
                        "/v3/api-docs/queue", "/v3/api-docs/concert", "/v3/api-docs/reservation",
                        "/v3/api-docs/payment", "/v3/api-docs/analytics"));
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
