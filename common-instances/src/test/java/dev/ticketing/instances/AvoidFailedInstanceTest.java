package dev.ticketing.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

class AvoidFailedInstanceTest {

    private final ConfiguredInstanceList configured = new ConfiguredInstanceList("echo-service",
            List.of(URI.create("http://localhost:7001"), URI.create("http://localhost:7002"),
                    URI.create("http://localhost:7003")));
    private final List<ServiceInstance> all = configured.instances();

    @Test
    void aRequestThatFailedOnAnInstanceIsOfferedTheOthers() {
        AvoidFailedInstance list = new AvoidFailedInstance(configured);

        assertThat(instancesFor(list, requestThatFailedOn(all.get(1)))).containsExactly(all.get(0), all.get(2));
    }

    @Test
    void theFailedInstanceIsRecognisedByItsAddressWhateverObjectNamesIt() {
        AvoidFailedInstance list = new AvoidFailedInstance(configured);
        ServiceInstance sameAddress = new ConfiguredInstanceList("echo-service",
                List.of(URI.create("http://localhost:7003"))).instances().get(0);

        assertThat(instancesFor(list, requestThatFailedOn(sameAddress))).containsExactly(all.get(0), all.get(1));
    }

    @Test
    void whenTheFailedInstanceIsTheOnlyOneLeftItIsStillOffered() {
        ServiceInstanceListSupplier onlyOne = new FixedList(List.of(all.get(0)));

        assertThat(instancesFor(new AvoidFailedInstance(onlyOne), requestThatFailedOn(all.get(0))))
                .containsExactly(all.get(0));
    }

    @Test
    void aFirstAttemptSeesTheWholeList() {
        AvoidFailedInstance list = new AvoidFailedInstance(configured);

        assertThat(instancesFor(list, new DefaultRequest<>(new RequestDataContext(requestData(Map.of())))))
                .containsExactlyElementsOf(all);
        assertThat(instancesFor(list, new DefaultRequest<>())).containsExactlyElementsOf(all);
        assertThat(list.get().blockFirst(Duration.ofSeconds(1))).containsExactlyElementsOf(all);
    }

    private static Request<RequestDataContext> requestThatFailedOn(ServiceInstance failed) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(AvoidFailedInstance.ATTRIBUTE, failed);
        return new DefaultRequest<>(new RequestDataContext(requestData(attributes)));
    }

    private static RequestData requestData(Map<String, Object> attributes) {
        return new RequestData(HttpMethod.GET, URI.create("http://echo-service/who"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), attributes);
    }

    @SuppressWarnings("rawtypes")
    private static List<ServiceInstance> instancesFor(ServiceInstanceListSupplier list, Request request) {
        return list.get(request).blockFirst(Duration.ofSeconds(1));
    }

    private record FixedList(List<ServiceInstance> instances) implements ServiceInstanceListSupplier {

        @Override
        public String getServiceId() {
            return "echo-service";
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.just(instances);
        }
    }
}
