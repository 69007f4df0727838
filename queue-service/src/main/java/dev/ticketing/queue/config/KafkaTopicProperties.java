package dev.ticketing.queue.config;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics this service creates are laid out ({@code ticketing.kafka.*}).
 *
 * @param partitions        partitions of each topic (default 3); never change it for an existing topic, it would
 *                          move keys to other partitions and break per-key order
 * @param replicationFactor replicas of each topic (default 1, a single local broker)
 */
@Validated
@ConfigurationProperties("ticketing.kafka")
public record KafkaTopicProperties(@DefaultValue("3") @Min(1) int partitions,
                                   @DefaultValue("1") @Min(1) short replicationFactor) {
}
