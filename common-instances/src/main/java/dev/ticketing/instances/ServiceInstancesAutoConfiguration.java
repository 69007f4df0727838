package dev.ticketing.instances;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration;

/** Every load-balanced service id gets its configured, health-checked instances ({@link HealthCheckedInstances}). */
@AutoConfiguration(before = LoadBalancerAutoConfiguration.class)
@EnableConfigurationProperties(ServiceInstancesProperties.class)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
public class ServiceInstancesAutoConfiguration {
}
