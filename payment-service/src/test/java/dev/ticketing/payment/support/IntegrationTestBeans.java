package dev.ticketing.payment.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.events.Topics;

/** What the tests add to the service: a clock they control and the topic reservation-service would create. */
@TestConfiguration(proxyBeanMethods = false)
class IntegrationTestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** reservation-service creates this topic in the real system; here the tests publish to it. */
    @Bean
    NewTopic reservationEvents() {
        return TopicBuilder.name(Topics.RESERVATION_EVENTS).partitions(3).build();
    }
}
