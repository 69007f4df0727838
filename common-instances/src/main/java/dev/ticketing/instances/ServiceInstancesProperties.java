package dev.ticketing.instances;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service this process calls listens: {@code ticketing.instances.<service-id>} is a comma-separated list
 * of base URLs, one per instance (the environment's {@code <SERVICE>_URL}, e.g.
 * {@code RESERVATION_SERVICE_URL=http://127.0.0.1:8083,http://127.0.0.1:8093}). Calls name the service
 * ({@code http://reservation-service/...}, {@code lb://reservation-service}) and Spring Cloud LoadBalancer picks a
 * live instance. Behind a platform's own balancing (a Kubernetes Service) the list has one entry.
 */
@ConfigurationProperties("ticketing")
public record ServiceInstancesProperties(Map<String, List<URI>> instances) {

    public ServiceInstancesProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        instances.forEach((serviceId, urls) -> {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("ticketing.instances." + serviceId + " lists no URL");
            }
            for (URI url : urls) {
                if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                    throw new IllegalArgumentException("ticketing.instances." + serviceId
                            + " must list http(s)://host:port base URLs, not '" + url + "'");
                }
            }
        });
    }

    /** The instances of a service, or none for a service this process was not told about. */
    public List<URI> of(String serviceId) {
        return instances.getOrDefault(serviceId, List.of());
    }
}
