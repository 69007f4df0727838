package dev.ticketing.queue.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.queue.waiting.domain.AdmissionControl;

class AdmissionControlPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsGiveAFloorAndAStepOfATenthOfTheCeilingAndARestartOfThreeTenths() {
        context.run(ctx -> {
            AdmissionControlProperties properties = ctx.getBean(AdmissionControlProperties.class);
            assertThat(properties.enabled()).isTrue();
            assertThat(properties.control(100)).isEqualTo(new AdmissionControl(100, 10, 30, 10, 0.5,
                    Duration.ofMillis(500), 0.01, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        });
    }

    @Test
    void aSmallCeilingStillHasAFloorARestartAndAStepOfOnePlace() {
        context.run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).control(3))
                .extracting(AdmissionControl::ceiling, AdmissionControl::floor, AdmissionControl::restart,
                        AdmissionControl::increase)
                .containsExactly(3, 1, 1, 1));
    }

    @Test
    void theRestartIsNeverBelowTheFloor() {
        context.withPropertyValues("ticketing.queue.admission-control.restart-share=0.05",
                        "ticketing.queue.admission-control.floor-share=0.2")
                .run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).control(100).restart())
                        .isEqualTo(20));
        context.withPropertyValues("ticketing.queue.admission-control.restart-share=1")
                .run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).control(100).restart())
                        .isEqualTo(100));
    }

    @Test
    void noRampByDefaultAndARampIsAShareOfTheCeilingAtLeastOneUnlessTheControllerIsOff() {
        context.run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).admitsPerCycle(100)).isEqualTo(100));
        context.withPropertyValues("ticketing.queue.admission-control.ramp-share=0.03").run(ctx -> {
            AdmissionControlProperties properties = ctx.getBean(AdmissionControlProperties.class);
            assertThat(properties.admitsPerCycle(100)).isEqualTo(3);
            assertThat(properties.admitsPerCycle(100_000)).isEqualTo(3_000);
            assertThat(properties.admitsPerCycle(3)).isEqualTo(1);
        });
        context.withPropertyValues("ticketing.queue.admission-control.ramp-share=0.5")
                .run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).admitsPerCycle(100)).isEqualTo(50));
        context.withPropertyValues("ticketing.queue.admission-control.enabled=false",
                        "ticketing.queue.admission-control.ramp-share=0.03")
                .run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).admitsPerCycle(100)).isEqualTo(100));
    }

    @Test
    void settingsAreBound() {
        context.withPropertyValues("ticketing.queue.admission-control.latency-target=PT0.2S",
                        "ticketing.queue.admission-control.shed-threshold=0.05",
                        "ticketing.queue.admission-control.decrease=0.7")
                .run(ctx -> assertThat(ctx.getBean(AdmissionControlProperties.class).control(100))
                        .extracting(AdmissionControl::latencyTarget, AdmissionControl::shedThreshold,
                                AdmissionControl::decrease)
                        .containsExactly(Duration.ofMillis(200), 0.05, 0.7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decrease=1", "decrease=0", "shed-threshold=1", "increase-share=0", "latency-target=PT0S",
            "ramp-share=0", "ramp-share=1.5", "restart-share=0", "restart-share=1.1"})
    void aSettingThatMakesNoSenseStopsTheService(String setting) {
        context.withPropertyValues("ticketing.queue.admission-control." + setting)
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdmissionControlProperties.class)
    static class Enabled {
    }
}
