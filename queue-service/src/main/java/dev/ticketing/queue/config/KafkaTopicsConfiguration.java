package dev.ticketing.queue.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.events.Topics;

/**
 * The topic this service publishes (queue.events), created at start so nothing depends on the broker creating
 * topics on first use. Dead-letter topics of what it consumes ({@code <topic>.<group>.DLT}) are created by
 * common-messaging when a first record needs them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic queueEvents(KafkaTopicProperties topics) {
        return topic(Topics.QUEUE_EVENTS, topics);
    }

    private static NewTopic topic(String name, KafkaTopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
