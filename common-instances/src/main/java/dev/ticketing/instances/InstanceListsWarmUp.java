package dev.ticketing.instances;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;

/**
 * Builds each called service's load balancer, and runs its first health checks, while the process starts, before
 * it reports ready. Spring Cloud LoadBalancer would otherwise do both on the first call, which then took over two
 * seconds on a busy machine and ran into the caller's time limit (the first payment on a new payment-service
 * instance, seen in TwoOfEverythingIT).
 */
final class InstanceListsWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstanceListsWarmUp.class);
    private static final Duration FIRST_LIST = Duration.ofSeconds(10);

    private final ServiceInstancesProperties instances;
    private final LoadBalancerClientFactory balancers;

    InstanceListsWarmUp(ServiceInstancesProperties instances, LoadBalancerClientFactory balancers) {
        this.instances = instances;
        this.balancers = balancers;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        instances.instances().keySet().forEach(serviceId -> {
            try {
                balancers.getInstance(serviceId);
                ServiceInstanceListSupplier supplier = balancers.getInstance(serviceId, ServiceInstanceListSupplier.class);
                int live = supplier == null ? 0 : supplier.get().blockFirst(FIRST_LIST).size();
                log.info("instances service={} configured={} live={}", serviceId, instances.of(serviceId).size(), live);
            } catch (RuntimeException e) {
                // Calls will build it themselves; a service that is down now is not a reason not to start.
                log.warn("instances service={} not checked at start: {}", serviceId, e.toString());
            }
        });
    }
}
