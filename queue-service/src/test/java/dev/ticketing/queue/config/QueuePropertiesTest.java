package dev.ticketing.queue.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class QueuePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class)
            .withPropertyValues(
                    "ticketing.queue.active-ttl=PT10M",
                    "ticketing.queue.max-active=100",
                    "ticketing.queue.admit-interval=PT1S",
                    "ticketing.queue.idle-timeout=PT1M",
                    "ticketing.queue.active-idle-timeout=PT2M",
                    "ticketing.queue.poll-budget=500");

    @Test
    void applicationYmlDefaultsToTheDesignValues() throws IOException {
        List<PropertySource<?>> applicationYml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        new ApplicationContextRunner()
                .withInitializer(ctx -> applicationYml.forEach(ctx.getEnvironment().getPropertySources()::addLast))
                .withUserConfiguration(Enabled.class)
                .run(ctx -> assertThat(ctx.getBean(QueueProperties.class)).isEqualTo(new QueueProperties(
                        Duration.ofMinutes(10), 100, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(2), 500)));
    }

    @Test
    void settingsAreBoundFromIsoDurationsAndNumbers() {
        context.withPropertyValues("ticketing.queue.max-active=3", "ticketing.queue.admit-interval=PT0.25S")
                .run(ctx -> assertThat(ctx.getBean(QueueProperties.class)).isEqualTo(new QueueProperties(
                        Duration.ofMinutes(10), 3, Duration.ofMillis(250), Duration.ofMinutes(1), Duration.ofMinutes(2), 500)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void fewerThanOneActiveUserStopsTheService(String maxActive) {
        context.withPropertyValues("ticketing.queue.max-active=" + maxActive)
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("maxActive"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"active-ttl", "admit-interval", "idle-timeout", "active-idle-timeout"})
    void aDurationThatIsNotPositiveStopsTheService(String setting) {
        context.withPropertyValues("ticketing.queue." + setting + "=PT0S")
                .run(ctx -> assertThat(ctx).hasFailed());
        context.withPropertyValues("ticketing.queue." + setting + "=-PT1S")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void anIdleTimeoutBeyondAQuarterOfAWaitingTokensLifetimeStopsTheService() {
        context.withPropertyValues("ticketing.queue.idle-timeout=PT30M")
                .run(ctx -> assertThat(ctx).hasNotFailed());
        context.withPropertyValues("ticketing.queue.idle-timeout=PT31M")
                .run(ctx -> assertThat(ctx).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("idleTimeout"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QueueProperties.class)
    static class Enabled {
    }
}
