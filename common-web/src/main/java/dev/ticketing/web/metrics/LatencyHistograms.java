package dev.ticketing.web.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes percentile histograms for the latencies the dashboards and alerts take percentiles of: HTTP served
 * ({@code http.server.requests}), HTTP called ({@code http.client.requests}) and every {@code ticketing.*} timer.
 * Prometheus can only aggregate quantiles across instances from buckets. The buckets are bounded to 5 ms..10 s
 * (Micrometer's default range is 1 ms..30 s), which keeps a timer to about 40 buckets per tag combination; a
 * slower call still lands in {@code +Inf}. A timer that sets its own bounds keeps them. Distribution summaries (amounts in KRW) are left alone: their buckets
 * would span a value range that no latency bound fits.
 */
public final class LatencyHistograms implements MeterFilter {

    static final Duration SHORTEST = Duration.ofMillis(5);
    static final Duration LONGEST = Duration.ofSeconds(10);

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!isLatency(id)) {
            return config;
        }
        // What the meter's builder set wins: a timer of queue waits (minutes) brings its own bounds.
        return config.merge(DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) SHORTEST.toNanos())
                .maximumExpectedValue((double) LONGEST.toNanos())
                .build());
    }

    private static boolean isLatency(Meter.Id id) {
        if (id.getType() != Meter.Type.TIMER) {
            return false;
        }
        String name = id.getName();
        return name.equals("http.server.requests") || name.equals("http.client.requests")
                || name.startsWith("ticketing.");
    }
}
