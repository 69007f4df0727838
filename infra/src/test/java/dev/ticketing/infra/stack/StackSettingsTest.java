package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void everyProcessListensOnLoopbackUnlessAsked() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of());

        assertThat(settings.gatewayBindAddress()).isEqualTo("127.0.0.1");
        for (ServiceName service : ServiceName.values()) {
            assertThat(settings.bindAddressOf(service)).as(service.module()).isEqualTo("127.0.0.1");
        }
        assertThat(settings.gatewayUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void gatewayBindAddressOpensTheGatewayAndNothingElse() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "0.0.0.0"));

        assertThat(settings.bindAddressOf(ServiceName.GATEWAY)).isEqualTo("0.0.0.0");
        for (ServiceName service : EnumSet.complementOf(EnumSet.of(ServiceName.GATEWAY))) {
            assertThat(settings.bindAddressOf(service)).as(service.module()).isEqualTo("127.0.0.1");
        }
        // Every interface includes loopback, which is how the launcher itself reaches the gateway.
        assertThat(settings.gatewayUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aGatewayOnOneOtherAddressIsReachedThere() {
        assertThat(StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "192.168.1.20")).gatewayUrl())
                .isEqualTo("http://192.168.1.20:8080");
        assertThat(StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "fd00::20")).gatewayUrl())
                .isEqualTo("http://[fd00:0:0:0:0:0:0:20]:8080");
        assertThat(StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "::")).gatewayUrl())
                .isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aBindAddressMustBeAnIpLiteral() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "example.org")))
                .isInstanceOf(StackFailure.class).hasMessageContaining("GATEWAY_BIND_ADDRESS");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(ROOT, Map.of("GATEWAY_BIND_ADDRESS", "8080")))
                .isInstanceOf(StackFailure.class).hasMessageContaining("'8080'");
    }

    @Test
    void derivedSettingsKeepTheGatewayBindAddressAndStartTimeout() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT,
                        Map.of("GATEWAY_BIND_ADDRESS", "0.0.0.0", "STACK_START_TIMEOUT", "PT90S"))
                .withSetting("HOLD_TTL", "PT3S")
                .withPorts(new StackSettings.Ports(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        assertThat(settings.gatewayBindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.urlOf(ServiceName.PAYMENT)).isEqualTo("http://127.0.0.1:5");
        assertThat(settings.urlOf(ServiceName.ANALYTICS)).isEqualTo("http://127.0.0.1:6");
    }

    @Test
    void theStartTimeoutIsGenerousUnlessSetAndMustBeADuration() {
        assertThat(StackSettings.fromEnvironment(ROOT, Map.of()).startTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> StackSettings.fromEnvironment(ROOT, Map.of("STACK_START_TIMEOUT", "240")))
                .isInstanceOf(StackFailure.class).hasMessageContaining("STACK_START_TIMEOUT");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(ROOT, Map.of("STACK_START_TIMEOUT", "-PT1M")))
                .isInstanceOf(StackFailure.class).hasMessageContaining("positive");
    }

    @Test
    void replicasListenTenPortsApartAndEveryInstanceIsListed() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of()).withReplicas(2);

        assertThat(settings.portOf(ServiceName.GATEWAY, 1)).isEqualTo(8090);
        assertThat(settings.urlsOf(ServiceName.RESERVATION))
                .containsExactly("http://127.0.0.1:8083", "http://127.0.0.1:8093");
        assertThat(settings.urlOf(ServiceName.ANALYTICS, 1)).isEqualTo("http://127.0.0.1:8095");
        assertThat(StackSettings.instanceName(ServiceName.QUEUE, 0)).isEqualTo("queue-service");
        assertThat(StackSettings.instanceName(ServiceName.QUEUE, 1)).isEqualTo("queue-service-2");
        assertThat(StackSettings.fromEnvironment(ROOT, Map.of()).urlsOf(ServiceName.GATEWAY))
                .containsExactly("http://127.0.0.1:8080");
    }

    @Test
    void replicasAreBetweenOneAndTheMost() {
        StackSettings settings = StackSettings.fromEnvironment(ROOT, Map.of());
        assertThatThrownBy(() -> settings.withReplicas(0)).isInstanceOf(StackFailure.class)
                .hasMessageContaining("--replicas");
        assertThatThrownBy(() -> settings.withReplicas(StackSettings.MAX_REPLICAS + 1))
                .isInstanceOf(StackFailure.class);
        assertThat(settings.withReplicas(StackSettings.MAX_REPLICAS).replicas()).isEqualTo(StackSettings.MAX_REPLICAS);
    }

    @Test
    void theCommandLineSaysHowManyReplicas() {
        assertThat(StackMain.replicas(java.util.List.of())).isEqualTo(1);
        assertThat(StackMain.replicas(java.util.List.of("--with-prometheus", "--replicas", "3"))).isEqualTo(3);
        assertThatThrownBy(() -> StackMain.replicas(java.util.List.of("--replicas"))).isInstanceOf(StackFailure.class);
        assertThatThrownBy(() -> StackMain.replicas(java.util.List.of("--replicas", "two")))
                .isInstanceOf(StackFailure.class).hasMessageContaining("'two'");
    }
}
