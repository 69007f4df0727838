package dev.ticketing.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Leaves out of the instance list the instance a request has already failed on, as its caller names it in the
 * request's attributes ({@link #ATTRIBUTE}, the gateway's {@code InstanceFailover}); the list stays whole when that
 * instance is the only one. Spring Cloud LoadBalancer's own retry awareness covers the blocking clients' retries, not
 * the gateway's: without this, the second attempt is left to round robin, which sends it to the same dead instance
 * whenever the list changes order between the two attempts (the health checks list instances in the order they
 * answer; {@link HealthyOrAll} lists them all, in configured order, while none passes).
 */
public final class AvoidFailedInstance extends DelegatingServiceInstanceListSupplier {

    /** The request attribute naming the {@link ServiceInstance} the request failed on. */
    public static final String ATTRIBUTE = AvoidFailedInstance.class.getName();

    AvoidFailedInstance(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Flux<List<ServiceInstance>> get(Request request) {
        ServiceInstance failed = failedOn(request);
        Flux<List<ServiceInstance>> instances = delegate.get(request);
        return failed == null ? instances : instances.map(list -> without(list, failed));
    }

    @SuppressWarnings("rawtypes")
    private static ServiceInstance failedOn(Request request) {
        if (request != null && request.getContext() instanceof RequestDataContext context) {
            RequestData data = context.getClientRequest();
            Map<String, Object> attributes = data == null ? null : data.getAttributes();
            if (attributes != null && attributes.get(ATTRIBUTE) instanceof ServiceInstance failed) {
                return failed;
            }
        }
        return null;
    }

    private static List<ServiceInstance> without(List<ServiceInstance> instances, ServiceInstance failed) {
        List<ServiceInstance> others = new ArrayList<>(instances.size());
        for (ServiceInstance instance : instances) {
            if (!sameAddress(instance, failed)) {
                others.add(instance);
            }
        }
        return others.isEmpty() ? instances : others;
    }

    private static boolean sameAddress(ServiceInstance one, ServiceInstance other) {
        return one.getPort() == other.getPort() && one.getHost().equals(other.getHost());
    }
}
