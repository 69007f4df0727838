package dev.ticketing.analytics.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Ready once the streams run: every store restored from its changelog and every task processing. While starting,
 * rebuilding or rebalancing, the figures are not all queryable, so the instance takes no traffic (readiness group).
 */
@Component("streams")
class StreamsReadiness implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;

    StreamsReadiness(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factory.getKafkaStreams();
        KafkaStreams.State state = streams == null ? null : streams.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService();
        return health.withDetail("state", state == null ? "NOT_STARTED" : state.name()).build();
    }
}
