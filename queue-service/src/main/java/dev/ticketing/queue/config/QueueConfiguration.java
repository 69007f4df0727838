package dev.ticketing.queue.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.queue.waiting.domain.QueuePolicy;

/**
 * The queue's policy, built from the settings for the domain, which knows nothing of Spring. The use cases are
 * {@code @Service}s found by component scanning, as in the other services.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueuePolicy queuePolicy(QueueProperties properties) {
        return new QueuePolicy(properties.maxActive(), properties.activeTtl(), properties.idleTimeout(),
                properties.admitInterval(), properties.activeIdleTimeout(), properties.pollBudget());
    }
}
