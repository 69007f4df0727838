package dev.ticketing.messaging.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import dev.ticketing.events.EventSerde;
import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.consumer.EventConsumerAutoConfiguration;
import dev.ticketing.messaging.inbox.InboxGuard;
import dev.ticketing.messaging.trace.EventTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
 * The outbox writer, the inbox guard, and the outbox table as the relay's source with its lease table, for a
 * service with a DataSource and Kafka; {@link dev.ticketing.messaging.relay.RelayAutoConfiguration} builds the
 * relay from them. Tables come from this jar's Flyway migration (db/migration/V0_1__messaging_outbox_inbox.sql).
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
    Outbox outbox(OutboxRows rows, DataSource dataSource, EventSerde serde, Clock clock, RelayWakeUp wakeUp,
                  ObjectProvider<EventTracing> tracing) {
        return new Outbox(rows, dataSource, serde, clock, wakeUp, tracing.getIfAvailable(() -> EventTracing.OFF));
    }

    @Bean
    JdbcOutboxSource outboxSource(OutboxRows rows, RelayWakeUp wakeUp, DataSource dataSource,
                                  MessagingProperties properties, Clock clock) {
        MessagingProperties.Relay relay = properties.relay();
        RetentionCleanup cleanup = new RetentionCleanup(new JdbcTemplate(dataSource), clock, relay.sentRetention(),
                properties.inbox().retention(), relay.cleanupInterval());
        return new JdbcOutboxSource(rows, wakeUp, cleanup, clock);
    }

    @Bean
    JdbcRelayLease outboxRelayLease(DataSource dataSource) {
        return new JdbcRelayLease(new JdbcTemplate(dataSource));
    }
}
