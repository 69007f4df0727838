package dev.ticketing.queue.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.events.Topics;

/**
 * The topics this service publishes (queue.events) and the dead-letter twins of those it consumes, created at
 * start so nothing depends on the broker creating topics on first use.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic queueEvents(KafkaTopicProperties topics) {
        return topic(Topics.QUEUE_EVENTS, topics);
    }

    @Bean
    NewTopic paymentEventsDeadLetters(KafkaTopicProperties topics) {
        return topic(Topics.deadLetterOf(Topics.PAYMENT_EVENTS), topics);
    }

    @Bean
    NewTopic reservationEventsDeadLetters(KafkaTopicProperties topics) {
        return topic(Topics.deadLetterOf(Topics.RESERVATION_EVENTS), topics);
    }

    private static NewTopic topic(String name, KafkaTopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
