package dev.ticketing.messaging.relay;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.trace.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The relay, for a service that has an {@link OutboxSource} and a {@link RelayLease}: the JDBC outbox's
 * (auto-configured with a DataSource) or its own (queue-service's Redis stream). Named by class name only, so
 * this class loads without JDBC on the classpath.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = "dev.ticketing.messaging.outbox.OutboxAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnSingleCandidate(OutboxSource.class)
@ConditionalOnBean({RelayLease.class, ProducerFactory.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class RelayAutoConfiguration {

    /** The backlog gauge, also where this instance does not relay: the store says what waits for any relay. */
    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxSource source) {
        OutboxMetrics metrics = new OutboxMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry), source.store());
        metrics.registerBacklog(source::pendingCount);
        return metrics;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "ticketing.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxSource source, RelayLease lease, ProducerFactory<?, ?> producerFactory,
                            MessagingProperties properties, ObjectProvider<MeterRegistry> registry,
                            ObjectProvider<Clock> clock, ObjectProvider<EventTracing> tracing) {
        MessagingProperties.Relay relay = properties.relay();
        String owner = relay.instanceId().isBlank() ? generatedInstanceId() : relay.instanceId();
        return new OutboxRelay(source, lease, producerFactory.getConfigurationProperties(), owner, relay,
                registry.getIfAvailable(() -> Metrics.globalRegistry), clock.getIfAvailable(Clock::systemUTC),
                tracing.getIfAvailable(() -> EventTracing.OFF));
    }

    /** Unique per application context, readable in the lease: {@code pid@host} and a random suffix. */
    private static String generatedInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
