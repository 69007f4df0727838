package dev.ticketing.messaging.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ticketing.events.EventSerde;
import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.consumer.EventConsumerAutoConfiguration;
import dev.ticketing.messaging.inbox.InboxGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox writer, its relay and the inbox guard, for a service with a DataSource and Kafka.
 * Tables come from this jar's Flyway migration (db/migration/V0_1__messaging_outbox_inbox.sql).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class,
        EventConsumerAutoConfiguration.class})
@ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(ProducerFactory.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    InboxGuard inboxGuard(DataSource dataSource, Clock clock) {
        return new InboxGuard(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    OutboxRows outboxRows(DataSource dataSource) {
        return new OutboxRows(new JdbcTemplate(dataSource));
    }

    @Bean
    RelayWakeUp outboxRelayWakeUp() {
        return new RelayWakeUp();
    }

    @Bean
    Outbox outbox(OutboxRows rows, DataSource dataSource, EventSerde serde, Clock clock, RelayWakeUp wakeUp) {
        return new Outbox(rows, dataSource, serde, clock, wakeUp);
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxRows rows) {
        OutboxMetrics metrics = new OutboxMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
        metrics.registerBacklog(rows::countUnsent);
        return metrics;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "ticketing.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, OutboxRows rows, ProducerFactory<?, ?> producerFactory,
                            RelayWakeUp wakeUp, OutboxMetrics metrics, MessagingProperties properties, Clock clock) {
        MessagingProperties.Relay relay = properties.relay();
        String instanceId = relay.instanceId().isBlank() ? generatedInstanceId() : relay.instanceId();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        RelayLease lease = new RelayLease(jdbc, instanceId, relay.leaseDuration());
        OutboxPublisher publisher = new OutboxPublisher(producerFactory.getConfigurationProperties(),
                "outbox-relay-" + instanceId, relay.sendTimeout());
        RetentionCleanup cleanup = new RetentionCleanup(jdbc, clock, relay.sentRetention(),
                properties.inbox().retention(), relay.cleanupInterval());
        return new OutboxRelay(rows, lease, publisher, cleanup, wakeUp, metrics, relay, clock);
    }

    /** Unique per application context, readable in the lease table: {@code pid@host} and a random suffix. */
    private static String generatedInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
