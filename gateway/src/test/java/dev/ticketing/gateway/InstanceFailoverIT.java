package dev.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

/**
 * A service as two instances behind one route (analytics-service here): requests are spread over both; when one
 * stops, every GET is still answered (the one sent to the dead instance goes to the other at once), and once its
 * health check fails it gets no requests until it is back. A service with one address is routed straight to it.
 */
class InstanceFailoverIT extends GatewayInFrontOfStubs {

    @Autowired
    RouteLocator routes;

    @Test
    void aServiceWithOneAddressIsRoutedStraightToItAndOneWithTwoThroughTheBalancer() {
        Map<String, Route> byId = routes.getRoutes().collectMap(Route::getId).block(Duration.ofSeconds(5));

        assertThat(byId.get("queue-service").getUri()).isEqualTo(URI.create(queueService.url()));
        assertThat(byId.get("concert-service-api-docs").getUri()).isEqualTo(URI.create(concertService.url()));
        assertThat(byId.get("analytics-service-admin").getUri()).isEqualTo(URI.create("lb://analytics-service"));
    }

    @Test
    void requestsAreSpreadOverInstancesAndAStoppedOneIsPassedOver() {
        // Both in the list: an earlier test in this JVM may have had an instance fail its health check a moment ago.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String spread = "/api/v1/admin/analytics/concerts/" + UUID.randomUUID();
            for (int i = 0; i < 10; i++) {
                getWithActiveToken(spread).exchange().expectStatus().isOk();
            }
            assertThat(analyticsService.bodiesSentTo(spread)).isNotEmpty();
            assertThat(analyticsSecondInstance.bodiesSentTo(spread)).isNotEmpty();
        });

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
