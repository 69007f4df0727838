package dev.ticketing.instances;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Spring Cloud LoadBalancer's settings as this system wants them, as defaults that any property source outranks.
 * An instance is checked on its liveness group every second (25 s by default would send a quarter of a minute's
 * calls to a dead instance; liveness, not readiness, because a service whose database is away still answers its
 * 503s better than "no instance" would); a blocking call that failed is tried once more on another instance
 * (GET only unless a client says otherwise: other calls may have had an effect). The instance list is not cached:
 * it is configuration, and the health check already keeps the live part of it.
 */
public class LoadBalancingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.cloud.loadbalancer.health-check.path.default", "/actuator/health/liveness",
            "spring.cloud.loadbalancer.health-check.interval", "1s",
            "spring.cloud.loadbalancer.health-check.initial-delay", "0",
            "spring.cloud.loadbalancer.retry.max-retries-on-same-service-instance", "0",
            "spring.cloud.loadbalancer.retry.max-retries-on-next-service-instance", "1",
            "spring.cloud.loadbalancer.cache.enabled", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
