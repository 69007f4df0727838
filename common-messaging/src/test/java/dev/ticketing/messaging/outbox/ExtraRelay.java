package dev.ticketing.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import dev.ticketing.messaging.MessagingProperties;
import dev.ticketing.messaging.relay.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another relay instance on the same outbox table, as a second instance of the service would run: its own
 * lease identity, producer and meters, and no wake-ups from this JVM's commits (it polls, like a peer).
 */
final class ExtraRelay {

    private ExtraRelay() {
    }

    static MessagingProperties.Relay settings(String instanceId, Duration sendTimeout) {
        return new MessagingProperties.Relay(true, 200, Duration.ofMillis(100), Duration.ofSeconds(3), sendTimeout,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofMinutes(1), instanceId);
    }

    static OutboxRelay create(DataSource dataSource, String bootstrapServers, MessagingProperties.Relay settings,
                              MeterRegistry registry) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Clock clock = Clock.systemUTC();
        RetentionCleanup cleanup = new RetentionCleanup(jdbc, clock, settings.sentRetention(), Duration.ofDays(30),
                settings.cleanupInterval());
        JdbcOutboxSource source = new JdbcOutboxSource(new OutboxRows(jdbc), new RelayWakeUp(), cleanup, clock);
        return new OutboxRelay(source, new JdbcRelayLease(jdbc),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), settings.instanceId(), settings,
                registry, clock);
    }

    static OutboxRelay create(DataSource dataSource, String bootstrapServers, String instanceId) {
        return create(dataSource, bootstrapServers, settings(instanceId, Duration.ofSeconds(1)), new SimpleMeterRegistry());
    }
}
