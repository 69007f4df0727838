package dev.ticketing.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.NavigableSet;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    private final LatencyHistograms histograms = new LatencyHistograms();

    @Test
    void servedAndCalledRequestsAndTicketingTimersGetBucketsBetweenFiveMillisAndTenSeconds() {
        for (String name : new String[] {"http.server.requests", "http.client.requests", "ticketing.outbox.publish.lag"}) {
            DistributionStatisticConfig config = configured(name, Meter.Type.TIMER);

            NavigableSet<Double> buckets = config.getHistogramBuckets(true);

            assertThat(config.isPercentileHistogram()).as(name).isTrue();
            assertThat(buckets).as(name).isNotEmpty().hasSizeLessThanOrEqualTo(50);
            assertThat(buckets.first()).as(name).isGreaterThanOrEqualTo(Duration.ofMillis(5).toNanos());
            assertThat(buckets.last()).as(name).isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos());
        }
    }

    @Test
    void otherTimersAndAmountsGetNoHistogram() {
        assertThat(configured("jvm.gc.pause", Meter.Type.TIMER).isPercentileHistogram()).isNotEqualTo(Boolean.TRUE);
        assertThat(configured("ticketing.payment.amount", Meter.Type.DISTRIBUTION_SUMMARY).isPercentileHistogram())
                .isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void aTimerThatSetsItsOwnBoundsKeepsThem() {
        DistributionStatisticConfig ownBounds = DistributionStatisticConfig.builder()
                .maximumExpectedValue((double) Duration.ofHours(1).toNanos()).build();

        DistributionStatisticConfig config = histograms.configure(id("ticketing.queue.wait.actual", Meter.Type.TIMER),
                ownBounds);

        assertThat(config.isPercentileHistogram()).isTrue();
        assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(Duration.ofHours(1).toNanos());
    }

    private DistributionStatisticConfig configured(String name, Meter.Type type) {
        // What a builder that sets nothing passes to the filters.
        return histograms.configure(id(name, type), DistributionStatisticConfig.builder().build());
    }

    private static Meter.Id id(String name, Meter.Type type) {
        return new Meter.Id(name, Tags.empty(), null, null, type);
    }
}
