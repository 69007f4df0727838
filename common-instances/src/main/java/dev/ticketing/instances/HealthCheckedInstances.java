package dev.ticketing.instances;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * The instance list of each load-balanced service (one child context per service id): the configured instances;
 * when there are several, each dropped while its health check fails (all of them kept while none passes,
 * {@link HealthyOrAll}) ({@code spring.cloud.loadbalancer.health-check.*}: path and interval),
 * and, when a call is retried, another instance than the one that failed (a blocking client's retry, or a caller
 * naming it, {@link AvoidFailedInstance}). A servlet service checks with a
 * {@code RestClient}, the WebFlux gateway with a {@code WebClient}, each with a short timeout so that one hung
 * instance does not hold back the verdict on the others.
 */
class HealthCheckedInstances {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(1);
    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context, Environment environment,
                                                            ObjectProvider<ServiceInstancesProperties> properties) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        ServiceInstancesProperties instances = properties.getIfAvailable(() -> new ServiceInstancesProperties(null));
        List<URI> urls = instances.of(serviceId);
        ConfiguredInstanceList configured = new ConfiguredInstanceList(serviceId, urls);
        ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder().withBase(configured);
        if (urls.size() < 2) {
            // One address (a platform's balancer, such as a Kubernetes Service, or the only instance): there is no
            // other to send calls to, and dropping it on a missed check would refuse calls that might succeed.
            return builder.build(context);
        }
        if (isReactive(context)) {
            builder = ReactiveHealthChecks.apply(builder);
        } else {
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(CHECK_TIMEOUT);
            requests.setReadTimeout(CHECK_TIMEOUT);
            builder = builder.withBlockingHealthChecks(RestClient.builder().requestFactory(requests).build());
        }
        return builder.with((ignored, healthChecked) -> new HealthyOrAll(healthChecked, configured.instances()))
                .withRetryAwareness()
                .with((ignored, checked) -> new AvoidFailedInstance(checked))
                .build(context);
    }

    private static boolean isReactive(ConfigurableApplicationContext context) {
        return ClassUtils.isPresent(WEB_CLIENT, context.getClassLoader())
                && context.getBeanProvider(RestClient.Builder.class).getIfAvailable() == null;
    }
}
