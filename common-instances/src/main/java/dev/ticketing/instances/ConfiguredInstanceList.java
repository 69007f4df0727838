package dev.ticketing.instances;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The configured instances of one service, as the base of Spring Cloud LoadBalancer's instance list. */
final class ConfiguredInstanceList implements ServiceInstanceListSupplier {

    private final String serviceId;
    private final List<ServiceInstance> instances;

    ConfiguredInstanceList(String serviceId, List<URI> urls) {
        this.serviceId = serviceId;
        this.instances = IntStream.range(0, urls.size())
                .<ServiceInstance>mapToObj(index -> instance(serviceId, index, urls.get(index)))
                .toList();
    }

    private static ServiceInstance instance(String serviceId, int index, URI url) {
        boolean secure = "https".equals(url.getScheme());
        int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "-" + (index + 1), serviceId, url.getHost(), port, secure);
    }

    List<ServiceInstance> instances() {
        return instances;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }
}
