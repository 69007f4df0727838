package dev.ticketing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.events.EventSerde;
import dev.ticketing.messaging.consumer.EventConsumerAutoConfiguration;
import dev.ticketing.messaging.deadletter.DeadLetterReplay;
import dev.ticketing.messaging.deadletter.DeadLetterReplayWebAutoConfiguration;
import dev.ticketing.messaging.inbox.InboxGuard;
import dev.ticketing.messaging.outbox.Outbox;
import dev.ticketing.messaging.outbox.OutboxAutoConfiguration;
import dev.ticketing.messaging.relay.InMemoryOutboxSource;
import dev.ticketing.messaging.relay.InMemoryRelayLease;
import dev.ticketing.messaging.relay.OutboxRelay;
import dev.ticketing.messaging.relay.OutboxSource;
import dev.ticketing.messaging.relay.RelayAutoConfiguration;
import dev.ticketing.messaging.relay.RelayLease;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Which beans a service gets, depending on what it has. Nothing here connects to a server. */
class MessagingAutoConfigurationTest {

    private final ApplicationContextRunner kafkaService = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    EventConsumerAutoConfiguration.class, OutboxAutoConfiguration.class,
                    RelayAutoConfiguration.class, DeadLetterReplayWebAutoConfiguration.class));

    @Test
    void aWebServiceGetsTheReplayRouteAndAServiceWithoutWebDoesNot() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                        EventConsumerAutoConfiguration.class, DeadLetterReplayWebAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(DeadLetterReplay.class)
                        .hasBean("deadLetterReplayRoute"));
        kafkaService.run(context -> assertThat(context).hasSingleBean(DeadLetterReplay.class)
                .doesNotHaveBean("deadLetterReplayRoute"));
    }

    @Test
    void serviceWithKafkaButNoDatabaseGetsTheConsumerDefaultsButNoOutbox() {
        kafkaService.run(context -> {
            assertThat(context).hasSingleBean(EventSerde.class).hasSingleBean(CommonErrorHandler.class)
                    .doesNotHaveBean(Outbox.class).doesNotHaveBean(InboxGuard.class)
                    .doesNotHaveBean(OutboxRelay.class);
            assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                    .containsEntry("value.deserializer", ByteArrayDeserializer.class)
                    .containsEntry("session.timeout.ms", 10_000)
                    .containsEntry("heartbeat.interval.ms", 3_333);
        });
    }

    @Test
    void theSessionTimeoutIsASettingAndTheHeartbeatFollowsIt() {
        kafkaService.withPropertyValues("ticketing.messaging.consumer.session-timeout=30s")
                .run(context -> assertThat(context.getBean(DefaultKafkaConsumerFactory.class)
                        .getConfigurationProperties())
                        .containsEntry("session.timeout.ms", 30_000)
                        .containsEntry("heartbeat.interval.ms", 10_000));
        kafkaService.withPropertyValues("ticketing.messaging.consumer.session-timeout=2s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void serviceWithADatabaseGetsTheOutboxAndTheInboxAndCanSwitchTheRelayOff() {
        // The relay itself (enabled by default) is exercised against real servers by the *IT tests.
        kafkaService.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:1/nowhere",
                        "ticketing.messaging.relay.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Outbox.class).hasSingleBean(InboxGuard.class)
                        .hasSingleBean(OutboxSource.class).hasSingleBean(RelayLease.class)
                        .doesNotHaveBean("outboxRelay"));
    }

    @Test
    void serviceWithoutADatabaseGetsTheRelayOverTheSourceAndLeaseItRegisters() {
        kafkaService.withBean(OutboxSource.class, () -> new InMemoryOutboxSource("memory"))
                .withBean(RelayLease.class, InMemoryRelayLease::new)
                .run(context -> assertThat(context).hasSingleBean(OutboxRelay.class).doesNotHaveBean(Outbox.class));
    }
}
