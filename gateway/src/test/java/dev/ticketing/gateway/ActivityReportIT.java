package dev.ticketing.gateway;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests that passed the token check reach queue-service as batched activity reports (so idle ACTIVE fans can
 * free their slot), without a call per request.
 */
class ActivityReportIT extends GatewayInFrontOfStubs {

    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestWithAQueueTokenIsReportedToTheQueueWithinAFlushInterval() {
        double before = meters.counter("ticketing.gateway.activity.reported").count();

        getWithActiveToken("/api/v1/concerts/" + CONCERT + "/dates").exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> meters.counter("ticketing.gateway.activity.reported").count() > before);
    }
}
