package dev.ticketing.reservation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class HoldSweepPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void theSweepRunsFourTimesASecondInBatchesOfAHundredByDefault() {
        context.run(ctx -> {
            HoldSweepProperties sweep = ctx.getBean(HoldSweepProperties.class);
            assertThat(sweep.interval()).isEqualTo(Duration.ofMillis(250));
            assertThat(sweep.batchSize()).isEqualTo(100);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ticketing.hold-sweep.interval=1s", "ticketing.hold-sweep.interval=0ms",
            "ticketing.hold-sweep.batch-size=0"})
    void aSweepThatCouldNotReleaseHoldsWithinTwoSecondsStopsTheService(String setting) {
        context.withPropertyValues(setting).run(ctx -> assertThat(ctx).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HoldSweepProperties.class)
    static class Enabled {
    }
}
