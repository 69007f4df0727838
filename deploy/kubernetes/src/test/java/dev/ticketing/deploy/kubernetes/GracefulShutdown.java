package dev.ticketing.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The two halves of a pod's graceful stop: the preStop sleep in the manifest, and Spring's shutdown phase timeout
 * in the service's own application.yml (its module is named like the container), so that a service that lengthens
 * its drain fails this test until the grace period follows.
 */
final class GracefulShutdown {

    /** Spring Boot's default for spring.lifecycle.timeout-per-shutdown-phase. */
    private static final long SPRING_DEFAULT_SECONDS = 30;

    private GracefulShutdown() {
    }

    static OptionalLong preStopSeconds(V1Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return OptionalLong.empty();
        }
        V1LifecycleHandler preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            return OptionalLong.of(preStop.getSleep().getSeconds());
        }
        List<String> command = preStop.getExec() == null ? List.of() : preStop.getExec().getCommand();
        if (command != null && command.size() == 2 && command.get(0).endsWith("sleep")
                && command.get(1).matches("\\d+")) {
            return OptionalLong.of(Long.parseLong(command.get(1)));
        }
        return OptionalLong.empty();
    }

    /** spring.lifecycle.timeout-per-shutdown-phase of the module, in seconds (Boot's 30 s when it sets none). */
    static long springShutdownPhaseSeconds(String module) {
        Path settings = Path.of("..", "..", module, "src", "main", "resources", "application.yml");
        if (!Files.isRegularFile(settings)) {
            throw new IllegalStateException("no module " + module + " with " + settings + " for container " + module);
        }
        try {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(settings));
            Object timeout = child(child(child(root, "spring"), "lifecycle"), "timeout-per-shutdown-phase");
            return timeout == null ? SPRING_DEFAULT_SECONDS : Duration.parse("PT" + timeout).toSeconds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object child(Object node, String key) {
        return node instanceof Map<?, ?> map ? map.get(key) : null;
    }
}
