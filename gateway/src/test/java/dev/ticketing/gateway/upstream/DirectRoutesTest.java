package dev.ticketing.gateway.upstream;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.ticketing.instances.ServiceInstancesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class DirectRoutesTest {

    private static final ServiceInstancesProperties INSTANCES = new ServiceInstancesProperties(Map.of(
            "queue-service", List.of(URI.create("http://127.0.0.1:8081")),
            "concert-service", List.of(URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8092"))));

    @Test
    void aServiceWithOneAddressIsCalledThereWithoutFailover() {
        RouteDefinition route = route("lb://queue-service");

        DirectRoutes.routeDirectly(route, INSTANCES);

        assertThat(route.getUri()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(route.getFilters()).extracting(FilterDefinition::getName)
                .containsExactly("SetPath", "ServiceCircuitBreaker");
    }

    @Test
    void aServiceWithSeveralAddressesStaysBalancedWithFailover() {
        RouteDefinition route = route("lb://concert-service");

        DirectRoutes.routeDirectly(route, INSTANCES);

        assertThat(route.getUri()).isEqualTo(URI.create("lb://concert-service"));
        assertThat(route.getFilters()).extracting(FilterDefinition::getName)
                .containsExactly("SetPath", "InstanceFailover", "ServiceCircuitBreaker");
    }

    @Test
    void aServiceWithoutAddressesAndADirectRouteAreLeftAlone() {
        RouteDefinition unknown = route("lb://payment-service");
        RouteDefinition direct = route("http://127.0.0.1:9000");

        DirectRoutes.routeDirectly(unknown, INSTANCES);
        DirectRoutes.routeDirectly(direct, INSTANCES);

        assertThat(unknown.getUri()).isEqualTo(URI.create("lb://payment-service"));
        assertThat(unknown.getFilters()).hasSize(3);
        assertThat(direct.getUri()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(direct.getFilters()).hasSize(3);
    }

    @Test
    void onlyTheAddressesSchemeAndAuthorityAreKept() {
        ServiceInstancesProperties withPath = new ServiceInstancesProperties(Map.of(
                "queue-service", List.of(URI.create("https://queue.internal:8443/"))));
        RouteDefinition route = route("lb://queue-service");

        DirectRoutes.routeDirectly(route, withPath);

        assertThat(route.getUri()).isEqualTo(URI.create("https://queue.internal:8443"));
    }

    private static RouteDefinition route(String uri) {
        RouteDefinition route = new RouteDefinition();
        route.setId("a-route");
        route.setUri(URI.create(uri));
        route.getFilters().add(new FilterDefinition("SetPath=/v3/api-docs"));
        route.getFilters().add(new FilterDefinition("InstanceFailover"));
        route.getFilters().add(new FilterDefinition("ServiceCircuitBreaker=queue-service"));
        return route;
    }
}
