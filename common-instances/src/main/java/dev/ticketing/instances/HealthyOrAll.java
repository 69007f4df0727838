package dev.ticketing.instances;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The health-checked instances, or every configured one while none passes its check. A check can fail on an
 * overloaded machine whose instances are all alive and merely slow to answer it; an empty list would refuse every
 * call, while trying them still serves most, and a dead instance's call goes to another (the callers' failover).
 */
final class HealthyOrAll extends DelegatingServiceInstanceListSupplier {

    private final List<ServiceInstance> all;

    HealthyOrAll(ServiceInstanceListSupplier healthChecked, List<ServiceInstance> all) {
        super(healthChecked);
        this.all = List.copyOf(all);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(healthy -> healthy.isEmpty() ? all : healthy);
    }
}
