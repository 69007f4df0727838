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

    private DistributionStatisticConfig configured(String name, Meter.Type type) {
        Meter.Id id = new Meter.Id(name, Tags.empty(), null, null, type);
        return histograms.configure(id, DistributionStatisticConfig.DEFAULT);
    }
}
