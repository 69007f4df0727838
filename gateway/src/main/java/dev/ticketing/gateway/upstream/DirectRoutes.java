package dev.ticketing.gateway.upstream;

import java.net.URI;
import java.util.List;

import dev.ticketing.instances.ServiceInstancesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A route to {@code lb://<service>} whose service has a single address ({@code ticketing.instances.<service>} lists
 * one URL: a Kubernetes Service, compose's DNS name, a one-instance local stack) goes straight to that address,
 * without {@code InstanceFailover}: with nothing to choose between, the load balancer and the retry around it only
 * cost time on every request (about 9 % of a queue poll's throughput, DESIGN.md section 9). Routes to a service with
 * several addresses keep both. Applied to the bound route definitions before any route is built.
 */
@Component
class DirectRoutes implements BeanPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DirectRoutes.class);
    private static final String LOAD_BALANCED = "lb";
    private static final String FAILOVER = "InstanceFailover";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof GatewayProperties gateway) {
            ServiceInstancesProperties instances = Binder.get(environment)
                    .bind("ticketing", ServiceInstancesProperties.class)
                    .orElseGet(() -> new ServiceInstancesProperties(null));
            gateway.getRoutes().forEach(route -> routeDirectly(route, instances));
        }
        return bean;
    }

    /** Points a load-balanced route at its service's only address and drops its failover; leaves any other alone. */
    static void routeDirectly(RouteDefinition route, ServiceInstancesProperties instances) {
        URI target = route.getUri();
        if (target == null || !LOAD_BALANCED.equalsIgnoreCase(target.getScheme())) {
            return;
        }
        List<URI> addresses = instances.of(target.getHost());
        if (addresses.size() != 1) {
            return;
        }
        URI address = addresses.getFirst();
        route.setUri(URI.create(address.getScheme() + "://" + address.getRawAuthority()));
        route.getFilters().removeIf(filter -> FAILOVER.equals(filter.getName()));
        log.debug("Route {} goes straight to {}, the only address of {}", route.getId(), route.getUri(),
                target.getHost());
    }
}
