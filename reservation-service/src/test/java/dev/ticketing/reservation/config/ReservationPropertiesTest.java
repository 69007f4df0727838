package dev.ticketing.reservation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ReservationPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void holdTtlIsBoundFromAnIsoDuration() {
        context.withPropertyValues("ticketing.hold-ttl=PT2M30S")
                .run(ctx -> assertThat(ctx.getBean(ReservationProperties.class).holdTtl())
                        .isEqualTo(Duration.ofSeconds(150)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1M"})
    void aHoldTtlThatIsNotPositiveStopsTheService(String holdTtl) {
        context.withPropertyValues("ticketing.hold-ttl=" + holdTtl)
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("holdTtl"));
    }

    @Test
    void aMissingHoldTtlStopsTheService() {
        context.run(ctx -> assertThat(ctx).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReservationProperties.class)
    static class Enabled {
    }
}
