package dev.ticketing.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One instance of a service running as its own JVM from its executable jar, with its output in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A JVM that recorded its start writes the AOT cache as it exits: a minute or more on a busy machine. */
    static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(5);
    private static final Duration READINESS_POLL = Duration.ofMillis(100);

    private final ServiceName name;
    private final int replica;
    private final String instanceName;
    private final Path jar;
    private final int port;
    private final String bindAddress;
    private final String url;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private final Path pidFile;
    private final Optional<StartupCache> startupCache;
    private StartupCache.Launch launch;
    private Process process;

    ServiceProcess(ServiceName name, Path jar, StackSettings settings, Map<String, String> environment,
                   Consumer<String> progress) {
        this(name, 0, jar, settings, environment, progress);
    }

    /** Instance {@code replica} (from 0) of the service, on its own port, log and pid file. */
    ServiceProcess(ServiceName name, int replica, Path jar, StackSettings settings, Map<String, String> environment,
                   Consumer<String> progress) {
        this.name = name;
        this.replica = replica;
        this.instanceName = StackSettings.instanceName(name, replica);
        this.jar = jar;
        this.port = settings.portOf(name, replica);
        this.bindAddress = settings.bindAddressOf(name);
        this.url = settings.urlOf(name, replica);
        this.environment = environment;
        this.jvmOptions = settings.serviceJvmOptions();
        this.log = settings.logDir().resolve(instanceName + ".log");
        this.pidFile = settings.pidDir().resolve(instanceName + ".pid");
        this.startupCache = settings.startupCache()
                ? Optional.of(StartupCache.forThisJdk(jar, jvmOptions, progress))
                : Optional.empty();
    }

    ServiceName name() {
        return name;
    }

    int replica() {
        return replica;
    }

    /** The module for the first instance, module-2 for the second, and so on. */
    String instanceName() {
        return instanceName;
    }

    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(instanceName + " is not built: " + jar + " is missing. Build first with "
                    + "`./mvnw -DskipTests package` (./stack up does this for you).");
        }
        dev.ticketing.infra.embedded.Ports.requireFree(instanceName, port);
        launch = prepare();
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new StackFailure("Could not start " + instanceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * The address as a command-line argument, which outranks every other property source: neither an inherited
     * SERVER_ADDRESS nor SERVICE_JAVA_OPTS can open a service beyond loopback by accident.
     */
    List<String> command() {
        return prepare().command();
    }

    /**
     * The command line, with the start-up cache's extracted jar and archive when there is one; may extract the jar
     * first (once per build), so the stack calls it while its stores are still starting.
     */
    synchronized StartupCache.Launch prepare() {
        List<String> arguments = List.of("--server.address=" + bindAddress);
        return startupCache.map(cache -> cache.prepare(arguments)).orElseGet(() -> {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(arguments);
            return new StartupCache.Launch(List.copyOf(command), Optional.empty(), Optional.empty());
        });
    }

    /** Blocks until readiness answers UP; fails fast, naming the service and its log, if it dies or stalls. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                discardRecording();
                throw new StackFailure(instanceName + " exited during start-up"
                        + (current == null ? "" : " with code " + current.exitValue())
                        + ". Last lines of " + log + ":\n" + tail());
            }
            if (isReady()) {
                return;
            }
            pause();
        }
        throw new StackFailure(instanceName + " did not become ready within " + timeout.toSeconds()
                + " s at " + url + ". Last lines of " + log + ":\n" + tail());
    }

    boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted while waiting for " + instanceName, e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long residentKilobytes() {
        return isAlive() ? ProcessMemory.residentKilobytes(process.pid()) : 0;
    }

    /** SIGKILL at once, as a crash: nothing of the service's own shutdown runs. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        discardRecording();
    }

    /**
     * SIGTERM first, so Spring shuts down gracefully (and a JVM that recorded its start writes its archive);
     * SIGKILL if it does not within the grace period.
     */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        boolean exited = false;
        try {
            Duration grace = launch != null && launch.records() ? RECORDING_STOP_GRACE : STOP_GRACE;
            exited = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
        if (exited && launch != null) {
            launch.keepRecording();
        } else {
            discardRecording();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // A stale pid file is checked against a live process before use.
        }
    }

    private void discardRecording() {
        if (launch != null) {
            launch.discardRecording();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(READINESS_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted while waiting for a service", e);
        }
    }
}
