package dev.ticketing.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.ticketing.infra.embedded.Ports;
import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.StackSettings;

/**
 * The one stack of a system-test run, started through the same launcher a person uses, on free ports with
 * its data under target/, and stopped when the test JVM exits. Settings are shortened where scenarios need it.
 */
final class SystemUnderTest {

    static final String ADMIN_KEY = "system-test-admin-key";
    static final int MAX_ACTIVE = 5;
    static final String HOLD_TTL = "PT3S";

    /** Started before the stack, which exports every service's spans to it (PaymentTraceIT reads them). */
    private static final OtlpTraceReceiver TRACES = OtlpTraceReceiver.start();
    private static final LocalStack STACK = start();

    private SystemUnderTest() {
    }

    static LocalStack stack() {
        return STACK;
    }

    static OtlpTraceReceiver traces() {
        return TRACES;
    }

    static HttpApi api() {
        return new HttpApi(STACK.gatewayUrl());
    }

    private static LocalStack start() {
        Path repositoryRoot = StackSettings.findRepositoryRoot(Path.of(""));
        Path dataDir = repositoryRoot.resolve("system-tests/target/stack");
        deleteRecursively(dataDir);
        StackSettings.Ports ports = new StackSettings.Ports(Ports.freePort(), Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(),
                Ports.freePort());
        StackSettings settings = new StackSettings(repositoryRoot, dataDir, ports, StackSettings.DEFAULT_SETTINGS,
                ADMIN_KEY, serviceJvmOptions(), true)
                .withSetting("QUEUE_MAX_ACTIVE", Integer.toString(MAX_ACTIVE))
                .withSetting("HOLD_TTL", HOLD_TTL)
                .withSetting("JOIN_RATE_PER_IP", "0")
                .withSetting(StackSettings.TRACING_OTLP_ENDPOINT, TRACES.endpoint());
        LocalStack stack = LocalStack.start(settings, message -> System.out.println("[stack] " + message));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            TRACES.close();
        }, "system-test-stack-stop"));
        return stack;
    }

    /** SERVICE_JAVA_OPTS as the launcher reads it, e.g. C1 only to start faster on a crowded machine. */
    private static List<String> serviceJvmOptions() {
        String options = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", StackSettings.defaultJvmOptions());
        return List.of(options.trim().split("\\s+"));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
