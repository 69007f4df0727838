package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
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

    @Test
    void theGatewayReachesAnalyticsServiceOnItsOwnPort() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of());

        assertThat(new ServiceEnvironment(settings).of(ServiceName.GATEWAY))
                .containsEntry("ANALYTICS_SERVICE_URL", "http://127.0.0.1:8085");
        assertThat(new ServiceEnvironment(settings).of(ServiceName.ANALYTICS)).containsEntry("SERVER_PORT", "8085");
    }

    /** Under the data directory: kept while the stack's data is, deleted with it (./stack down --wipe). */
    @Test
    void analyticsServiceKeepsItsStreamsStateInItsOwnDirectoryUnderTheStacksData() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of("STACK_DATA_DIR", "/data/stack"));

        assertThat(new ServiceEnvironment(settings).of(ServiceName.ANALYTICS))
                .containsEntry("ANALYTICS_STATE_DIR", "/data/stack/state/analytics-service")
                .containsEntry("ANALYTICS_ADVERTISED_HOST", "127.0.0.1");
        for (ServiceName other : EnumSet.complementOf(EnumSet.of(ServiceName.ANALYTICS))) {
            assertThat(new ServiceEnvironment(settings).of(other)).as(other.module())
                    .doesNotContainKeys("ANALYTICS_STATE_DIR", "ANALYTICS_ADVERTISED_HOST");
        }
    }

    @Test
    void withReplicasEachInstanceHasItsPortAndStateAndKnowsEveryInstanceOfTheOthers() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of("STACK_DATA_DIR", "/data/stack"))
                .withReplicas(2);
        ServiceEnvironment environment = new ServiceEnvironment(settings);

        assertThat(environment.of(ServiceName.GATEWAY, 1))
                .containsEntry("SERVER_PORT", "8090")
                .containsEntry("RESERVATION_SERVICE_URL", "http://127.0.0.1:8083,http://127.0.0.1:8093")
                .containsEntry("QUEUE_SERVICE_URL", "http://127.0.0.1:8081,http://127.0.0.1:8091");
        assertThat(environment.of(ServiceName.PAYMENT, 0)).containsEntry("SERVER_PORT", "8084");
        assertThat(environment.of(ServiceName.ANALYTICS, 1))
                .containsEntry("SERVER_PORT", "8095")
                .containsEntry("ANALYTICS_STATE_DIR", "/data/stack/state/analytics-service-2");
    }
}
