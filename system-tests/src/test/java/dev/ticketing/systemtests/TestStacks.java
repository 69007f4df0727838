package dev.ticketing.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.ticketing.infra.embedded.Ports;
import dev.ticketing.infra.stack.StackSettings;

/** What the system tests' stacks (one instance of everything, or two) are started with. Holds no stack itself. */
final class TestStacks {

    private TestStacks() {
    }

    /**
     * A test stack's settings: its data under system-tests/target/{@code dirName} (deleted first), free ports for
     * every instance of every process, the shortened settings the scenarios rely on.
     */
    static StackSettings settings(String dirName, int replicas) {
        Path repositoryRoot = StackSettings.findRepositoryRoot(Path.of(""));
        Path dataDir = repositoryRoot.resolve("system-tests/target").resolve(dirName);
        deleteRecursively(dataDir);
        StackSettings.Ports ports = new StackSettings.Ports(freePort(replicas), freePort(replicas), freePort(replicas),
                freePort(replicas), freePort(replicas), freePort(replicas), Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort());
        return new StackSettings(repositoryRoot, dataDir, ports, StackSettings.DEFAULT_SETTINGS,
                SystemUnderTest.ADMIN_KEY, serviceJvmOptions(), true)
                .withReplicas(replicas)
                .withSetting("QUEUE_MAX_ACTIVE", Integer.toString(SystemUnderTest.MAX_ACTIVE))
                .withSetting("HOLD_TTL", SystemUnderTest.HOLD_TTL)
                .withSetting("JOIN_RATE_PER_IP", "0")
                // The tests admit whole lines of QUEUE_MAX_ACTIVE fans from an idle booking path; queue-service's own
                // tests cover the restart limit an idle path otherwise goes to.
                .withSetting("TICKETING_QUEUE_ADMISSIONCONTROL_RESTARTSHARE", "1");
    }

    /** A free port whose replicas' ports ({@link StackSettings#REPLICA_PORT_STEP} apart) are free too. */
    private static int freePort(int replicas) {
        while (true) {
            int port = Ports.freePort();
            boolean allFree = true;
            for (int replica = 1; replica < replicas && allFree; replica++) {
                int next = port + replica * StackSettings.REPLICA_PORT_STEP;
                allFree = next <= 65_535 && Ports.isFree(next);
            }
            if (allFree) {
                return port;
            }
        }
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
