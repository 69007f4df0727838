package dev.ticketing.instances;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;

/**
 * Every load-balanced service id gets its configured, health-checked instances ({@link HealthCheckedInstances}),
 * built at start ({@link InstanceListsWarmUp}).
 */
@AutoConfiguration(before = LoadBalancerAutoConfiguration.class)
@EnableConfigurationProperties(ServiceInstancesProperties.class)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
public class ServiceInstancesAutoConfiguration {

    @Bean
    InstanceListsWarmUp instanceListsWarmUp(ServiceInstancesProperties instances, LoadBalancerClientFactory balancers) {
        return new InstanceListsWarmUp(instances, balancers);
    }
}
