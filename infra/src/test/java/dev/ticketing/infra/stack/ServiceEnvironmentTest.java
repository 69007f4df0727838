package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void servicesExportNoSpansUnlessAnEndpointIsGiven() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of());

        for (ServiceName service : ServiceName.values()) {
            assertThat(new ServiceEnvironment(settings).of(service)).as(service.module())
                    .doesNotContainKey(ServiceEnvironment.OTLP_TRACES_PROPERTY)
                    .containsEntry("TRACING_SAMPLING_PROBABILITY", "1.0");
        }
    }

    @Test
    void everyServiceExportsItsSpansToTheGivenEndpoint() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT,
                Map.of("TRACING_OTLP_ENDPOINT", " http://127.0.0.1:4318/v1/traces "));

        for (ServiceName service : ServiceName.values()) {
            assertThat(new ServiceEnvironment(settings).of(service)).as(service.module())
                    .containsEntry(ServiceEnvironment.OTLP_TRACES_PROPERTY, "http://127.0.0.1:4318/v1/traces");
        }
    }
}
