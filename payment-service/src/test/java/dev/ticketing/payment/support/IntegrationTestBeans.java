package dev.ticketing.payment.support;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.TopicBuilder;

import dev.ticketing.events.Topics;

/**
 * What the tests add to the service: a clock they control, a transaction manager that can lose a commit, and the
 * topic reservation-service would create.
 */
@TestConfiguration(proxyBeanMethods = false)
class IntegrationTestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** The service's transaction manager, which backs off for this one: the same, able to lose a request's commit. */
    @Bean
    @Primary
    LinkCuttingTransactionManager transactionManager(DataSource dataSource) {
        return new LinkCuttingTransactionManager(dataSource);
    }

    /** reservation-service creates this topic in the real system; here the tests publish to it. */
    @Bean
    NewTopic reservationEvents() {
        return TopicBuilder.name(Topics.RESERVATION_EVENTS).partitions(3).build();
    }
}
