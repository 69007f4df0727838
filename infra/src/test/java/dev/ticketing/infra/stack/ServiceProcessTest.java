package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private final StackSettings settings = StackSettings.fromEnvironment(Path.of("/repo"),
            Map.of("GATEWAY_BIND_ADDRESS", "0.0.0.0", "SERVICE_JAVA_OPTS", "-Xmx64m -Dserver.address=0.0.0.0"));

    @Test
    void aBackendServiceIsToldToListenOnLoopbackAfterEveryJvmOption() {
        List<String> command = process(ServiceName.PAYMENT).command();

        assertThat(command).endsWith("-jar", "payment-service.jar", "--server.address=127.0.0.1");
        assertThat(command).contains("-Xmx64m", "-Dserver.address=0.0.0.0");
    }

    @Test
    void theGatewayListensWhereItWasAskedTo() {
        assertThat(process(ServiceName.GATEWAY).command()).last().isEqualTo("--server.address=0.0.0.0");
    }

    private ServiceProcess process(ServiceName service) {
        return new ServiceProcess(service, Path.of(service.module() + ".jar"), settings, Map.of(), message -> { });
    }
}
