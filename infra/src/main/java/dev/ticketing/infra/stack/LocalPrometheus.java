package dev.ticketing.infra.stack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (the binary of the operating system's package, not a container) scraping every service of a
 * running local stack on loopback, with the alert rules of {@code infra/docker/prometheus/rules}: the same rules and
 * the same metrics the docker-compose Prometheus sees, so dashboards and alerts can be tried without Docker.
 */
public final class LocalPrometheus implements AutoCloseable {

    public static final int DEFAULT_PORT = 9090;
    public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(5);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path pidFile;
    private final String url;

    private LocalPrometheus(Process process, Path pidFile, String url) {
        this.process = process;
        this.pidFile = pidFile;
        this.url = url;
    }

    /** Starts Prometheus for the stack of these settings and waits until it answers ready. */
    public static LocalPrometheus start(StackSettings settings, int port, Duration scrapeInterval) {
        Path binary = requireInstalled();
        dev.ticketing.infra.embedded.Ports.requireFree("Prometheus", port);
        Path home = settings.dataDir().resolve("prometheus");
        Path config = home.resolve("prometheus.yml");
        Path pidFile = settings.pidDir().resolve("prometheus.pid");
        Process process;
        try {
            Files.createDirectories(home);
            Files.writeString(config, configuration(settings, scrapeInterval, rulesOf(settings.repositoryRoot())));
            process = new ProcessBuilder(binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + home.resolve("data"),
                    "--storage.tsdb.retention.time=2d",
                    "--web.listen-address=" + StackSettings.LOOPBACK + ":" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logDir().resolve("prometheus.log").toFile()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new StackFailure("Could not start Prometheus (" + binary + "): " + e.getMessage(), e);
        }
        LocalPrometheus prometheus = new LocalPrometheus(process, pidFile, "http://" + StackSettings.LOOPBACK + ":" + port);
        prometheus.awaitReady(settings.logDir().resolve("prometheus.log"));
        return prometheus;
    }

    public String url() {
        return url;
    }

    /** The scrape configuration: one job per service, named as in docker-compose's Prometheus, on loopback. */
    static String configuration(StackSettings settings, Duration scrapeInterval, List<Path> ruleFiles) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by ./stack up --with-prometheus for the stack in ").append(settings.dataDir()).append('\n')
                .append("global:\n")
                .append("  scrape_interval: ").append(scrapeInterval.toSeconds()).append("s\n")
                .append("  evaluation_interval: ").append(scrapeInterval.toSeconds()).append("s\n");
        if (!ruleFiles.isEmpty()) {
            yaml.append("rule_files:\n");
            ruleFiles.forEach(file -> yaml.append("  - \"").append(file.toAbsolutePath()).append("\"\n"));
        }
        yaml.append("scrape_configs:\n");
        for (ServiceName service : ServiceName.values()) {
            yaml.append("  - job_name: ").append(service.module()).append('\n')
                    .append("    metrics_path: /actuator/prometheus\n")
                    .append("    static_configs:\n")
                    .append("      - targets: [").append(settings.urlsOf(service).stream()
                            .map(url -> "\"" + URI.create(url).getAuthority() + "\"")
                            .collect(java.util.stream.Collectors.joining(", "))).append("]\n");
        }
        return yaml.toString();
    }

    /** The alert rule files the docker-compose Prometheus loads too. */
    static List<Path> rulesOf(Path repositoryRoot) {
        Path rules = repositoryRoot.resolve("infra/docker/prometheus/rules");
        if (!Files.isDirectory(rules)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rules)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new StackFailure("Cannot read the alert rules in " + rules + ": " + e.getMessage(), e);
        }
    }

    /** Checked before the stack starts, so a missing Prometheus is said at once rather than after a minute. */
    public static Path requireInstalled() {
        return binary(System.getenv()).orElseThrow(() -> new StackFailure("""
                Prometheus is not installed, so --with-prometheus cannot start it. Install the package \
                (Debian/Ubuntu: sudo apt-get install prometheus), or set PROMETHEUS_BIN to a prometheus binary; \
                ./stack up without --with-prometheus runs the stack without it."""));
    }

    /** PROMETHEUS_BIN if set, else {@code prometheus} on the PATH. */
    static Optional<Path> binary(Map<String, String> env) {
        String configured = env.getOrDefault("PROMETHEUS_BIN", "").trim();
        if (!configured.isEmpty()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackFailure("Prometheus exited with status " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        close();
        throw new StackFailure("Prometheus was not ready within " + READY_WITHIN.toSeconds() + " s; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // A stale pid file is checked against a live process before use.
        }
    }
}
