package dev.ticketing.concert.availability.adapter.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.concert.config.KafkaTopicProperties;
import dev.ticketing.events.Topics;

/**
 * The topics this service consumes, so that it never depends on the broker creating them: reservation.events
 * (reservation-service creates it too, with the same partition count). Its group's dead-letter topic is
 * created by common-messaging when a first record needs it. Replication
 * is the broker's default (1 on a single local broker).
 */
@Configuration(proxyBeanMethods = false)
class ReservationTopics {

    @Bean
    NewTopic reservationEvents(KafkaTopicProperties kafka) {
        return TopicBuilder.name(Topics.RESERVATION_EVENTS).partitions(kafka.partitions()).build();
    }
}
