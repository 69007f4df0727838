package dev.ticketing.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.ticketing.infra.audit.AuditCommand;
import dev.ticketing.infra.audit.RunningStack;

/**
 * {@code up} starts the whole stack in the foreground (Ctrl-C stops it), {@code down [--wipe]} stops a running
 * stack from another terminal (and deletes its data), {@code status} says what runs, {@code audit} checks the
 * running stack's data for discrepancies between the services (exit status 1 if any).
 */
public final class StackMain {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StackMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            Path root = Optional.ofNullable(System.getenv("TICKETING_HOME")).map(Path::of)
                    .orElseGet(() -> StackSettings.findRepositoryRoot(Path.of("")));
            StackSettings settings = StackSettings.fromEnvironment(root);
            switch (command) {
                case "up" -> up(settings.withReplicas(replicas(options)), options.contains("--with-prometheus"));
                case "down" -> new StackShutdown(settings.dataDir(), StackMain::say).stopAll(options.contains("--wipe"));
                case "status" -> new StackShutdown(settings.dataDir(), StackMain::say).printStatus();
                case "audit" -> System.exit(AuditCommand.run(settings, options, System.out, System.err));
                default -> throw new StackFailure("Unknown command '" + command
                        + "'. Use: up [--replicas N] [--with-prometheus] | down [--wipe] | status | audit [--settle <seconds>] [--no-queue]");
            }
        } catch (StackFailure e) {
            System.err.println("stack: " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@code --replicas N}: N instances of every service and of the gateway (1 if not given). */
    static int replicas(List<String> options) {
        int at = options.indexOf("--replicas");
        if (at < 0) {
            return 1;
        }
        if (at + 1 >= options.size()) {
            throw new StackFailure("--replicas needs a number, e.g. --replicas 2");
        }
        try {
            return Integer.parseInt(options.get(at + 1));
        } catch (NumberFormatException e) {
            throw new StackFailure("--replicas needs a number between 1 and " + StackSettings.MAX_REPLICAS + ", not '"
                    + options.get(at + 1) + "'");
        }
    }

    private static void up(StackSettings settings, boolean withPrometheus) {
        if (withPrometheus) {
            LocalPrometheus.requireInstalled();
        }
        Path launcherPid = settings.pidDir().resolve("launcher.pid");
        LocalStack.readPid(launcherPid).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(pid -> {
            throw new StackFailure("A stack is already running from " + settings.dataDir() + " (launcher pid "
                    + pid.pid() + "). Stop it with `./stack down` first.");
        });
        new StackShutdown(settings.dataDir(), StackMain::say).killLeftovers();
        Instant started = Instant.now();
        LocalStack stack = LocalStack.unstarted(settings, StackMain::say);
        AtomicReference<LocalPrometheus> prometheus = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping everything");
            Optional.ofNullable(prometheus.get()).ifPresent(LocalPrometheus::close);
            stack.close();
            deleteQuietly(launcherPid);
            say("stopped");
        }, "stack-shutdown"));
        try {
            Files.createDirectories(settings.pidDir());
            Files.writeString(launcherPid, Long.toString(ProcessHandle.current().pid()));
            RunningStack.record(settings);
        } catch (IOException e) {
            throw new StackFailure("Cannot write " + launcherPid + ": " + e.getMessage(), e);
        }
        stack.startOrClean();
        if (withPrometheus) {
            int port = Integer.parseInt(System.getenv().getOrDefault("PROMETHEUS_PORT", Integer.toString(LocalPrometheus.DEFAULT_PORT)));
            say("starting Prometheus on 127.0.0.1:" + port + " (scraping every service, with the alert rules)");
            prometheus.set(LocalPrometheus.start(settings, port, LocalPrometheus.DEFAULT_SCRAPE_INTERVAL));
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("""

                Concert ticketing is up (all healthy after %.1f s, %d MiB resident in all).
                  Gateway:    %s   (try: curl %s/api/v1/concerts; listening on %s, GATEWAY_BIND_ADDRESS)%s
                  API docs:   %s/swagger-ui.html
                  Admin key:  %s
                  Prometheus: %s
                  Logs:       %s
                  Settings:   %s
                Press Ctrl-C here, or run `./stack down` elsewhere, to stop everything.

                """, took.toMillis() / 1000.0, stack.residentKilobytes() / 1024, stack.gatewayUrl(), stack.gatewayUrl(),
                settings.gatewayBindAddress(), settings.replicas() > 1
                        ? "\n              " + settings.replicas() + " instances of everything; gateways: "
                        + String.join(", ", stack.gatewayUrls()) : "",
                stack.gatewayUrl(), settings.adminKey(),
                Optional.ofNullable(prometheus.get()).map(p -> p.url() + "   (alerts: " + p.url() + "/alerts)")
                        .orElse("not started (./stack up --with-prometheus)"),
                settings.logDir(), settings.serviceSettings());
        watch(stack);
    }

    /** Stays in the foreground; reports an instance that dies, which a person would otherwise not notice. */
    private static void watch(LocalStack stack) {
        int replicas = stack.settings().replicas();
        boolean[][] reported = new boolean[ServiceName.values().length][replicas];
        while (true) {
            for (ServiceName service : ServiceName.values()) {
                for (int replica = 0; replica < replicas; replica++) {
                    boolean running = stack.isRunning(service, replica);
                    if (!running && !reported[service.ordinal()][replica]) {
                        say(StackSettings.instanceName(service, replica) + " has stopped; see "
                                + stack.logFile(service, replica));
                    }
                    reported[service.ordinal()][replica] = !running;
                }
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static void say(String message) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only a hint for `down`; a stale one is checked against a live process before use.
        }
    }
}
