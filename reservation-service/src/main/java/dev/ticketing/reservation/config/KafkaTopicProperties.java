package dev.ticketing.reservation.config;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics this service creates at start-up ({@code ticketing.kafka.*}). The partition count of an existing
 * topic is never changed by this: that would move seats to other partitions and break their order.
 */
@Validated
@ConfigurationProperties("ticketing.kafka")
public record KafkaTopicProperties(@DefaultValue("3") @Min(1) int partitions) {
}
