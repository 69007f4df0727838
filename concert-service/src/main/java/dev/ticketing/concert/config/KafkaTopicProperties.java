package dev.ticketing.concert.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service creates the Kafka topics it depends on ({@code ticketing.kafka.*}).
 *
 * @param partitions partitions of a topic created here; never changed in place once a topic exists, since
 *                   that would move seats to other partitions and break their order
 */
@ConfigurationProperties("ticketing.kafka")
public record KafkaTopicProperties(@DefaultValue("3") int partitions) {

    public KafkaTopicProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("ticketing.kafka.partitions must be at least 1, was " + partitions);
        }
    }
}
