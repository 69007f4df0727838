package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A service as two instances behind one route (analytics-service here): requests are spread over both; when one
 * stops, every GET is still answered (the one sent to the dead instance goes to the other at once), and once its
 * health check fails it gets no requests until it is back.
 */
class InstanceFailoverIT extends GatewayInFrontOfStubs {

    @Test
    void requestsAreSpreadOverInstancesAndAStoppedOneIsPassedOver() {
        String spread = "/api/v1/admin/analytics/concerts/" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            getWithActiveToken(spread).exchange().expectStatus().isOk();
        }
        assertThat(analyticsService.bodiesSentTo(spread)).isNotEmpty();
        assertThat(analyticsSecondInstance.bodiesSentTo(spread)).isNotEmpty();

        analyticsSecondInstance.stop();
        try {
            String afterStop = "/api/v1/admin/analytics/concerts/" + UUID.randomUUID();
            for (int i = 0; i < 20; i++) {
                getWithActiveToken(afterStop).exchange().expectStatus().isOk()
                        .expectHeader().valueEquals("X-Stub-Service", "analytics-service");
            }
            assertThat(analyticsService.bodiesSentTo(afterStop)).hasSize(20);
        } finally {
            analyticsSecondInstance.restart();
        }
        // Back in the list after its next passed check (every second).
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String afterRestart = "/api/v1/admin/analytics/concerts/" + UUID.randomUUID();
            for (int i = 0; i < 4; i++) {
                getWithActiveToken(afterRestart).exchange().expectStatus().isOk();
            }
            assertThat(analyticsSecondInstance.bodiesSentTo(afterRestart)).isNotEmpty();
        });
    }
}
