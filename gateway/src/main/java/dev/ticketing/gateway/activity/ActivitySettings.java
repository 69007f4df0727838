package dev.ticketing.gateway.activity;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway tells queue-service which ACTIVE fans are still there, and how the booking path fares
 * ({@code ticketing.gateway.activity.*}): requests are noted in memory and sent in batches, never a call per request.
 *
 * @param reportUrl     queue-service's {@code /internal/v1/queue/activity}
 * @param flushInterval how often the noted requests are sent; far below QUEUE_ACTIVE_IDLE_TIMEOUT (2 minutes). It is
 *                      also the booking-path window queue-service's admission control steps on (every 5 s there)
 * @param batchSize     tokens per call at most (queue-service takes 10,000)
 * @param maxPending    tokens noted at most between two sends; beyond that a send starts at once
 */
@ConfigurationProperties("ticketing.gateway.activity")
public record ActivitySettings(URI reportUrl,
                               @DefaultValue("PT5S") Duration flushInterval,
                               @DefaultValue("10000") int batchSize,
                               @DefaultValue("100000") int maxPending) {

    public ActivitySettings {
        if (reportUrl == null) {
            throw new IllegalArgumentException("ticketing.gateway.activity.report-url must be set");
        }
        if (flushInterval.isZero() || flushInterval.isNegative() || batchSize < 1 || maxPending < batchSize) {
            throw new IllegalArgumentException("activity reporting needs a positive flush interval and "
                    + "1 <= batch-size <= max-pending");
        }
    }
}
