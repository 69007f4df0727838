package dev.ticketing.analytics.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of analytics-service, bound from {@code ticketing.analytics.*}.
 *
 * @param advertisedHost  the host other instances reach this one's HTTP port at ({@code ANALYTICS_ADVERTISED_HOST}):
 *                        a concert's figures live on the instance that owns its partition, and the others ask it
 * @param forgetAfter     how long a reservation's or token's counted event ids are kept after its last event; longer
 *                        than the topics' retention (7 days), so no redelivery can be counted twice
 * @param minuteGrace     how late (event time) a sale may be read and still count in its one-minute window
 * @param minuteRetention how long one-minute windows are kept
 * @param peerTimeout     how long to wait for another instance's figures
 * @param partitions      partitions of the topics this service creates when they are missing (the catalog's topics,
 *                        its dead-letter topics): the same count as the services create them with
 */
@ConfigurationProperties("ticketing.analytics")
public record AnalyticsProperties(@DefaultValue("127.0.0.1") String advertisedHost,
                                  @DefaultValue("14d") Duration forgetAfter,
                                  @DefaultValue("10m") Duration minuteGrace,
                                  @DefaultValue("7d") Duration minuteRetention,
                                  @DefaultValue("2s") Duration peerTimeout,
                                  @DefaultValue("3") int partitions) {
}
