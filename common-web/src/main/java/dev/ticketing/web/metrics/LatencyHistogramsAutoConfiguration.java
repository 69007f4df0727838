package dev.ticketing.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every service with common-web publishes the latency histograms its dashboards read; Boot applies MeterFilter
 * beans to the registries it creates.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class LatencyHistogramsAutoConfiguration {

    @Bean
    LatencyHistograms latencyHistograms() {
        return new LatencyHistograms();
    }
}
