package dev.ticketing.payment.payments.adapter.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.events.Topics;
import dev.ticketing.payment.config.KafkaTopicProperties;

/**
 * Creates the topic this service publishes, so nothing depends on the broker creating topics on first use. The
 * replication factor is the broker's default. The dead-letter topic of what it consumes
 * ({@code <topic>.<group>.DLT}) is created by common-messaging when a first record needs it.
 */
@Configuration(proxyBeanMethods = false)
class PaymentTopics {

    @Bean
    NewTopic paymentEvents(KafkaTopicProperties kafka) {
        return TopicBuilder.name(Topics.PAYMENT_EVENTS).partitions(kafka.partitions()).build();
    }
}
