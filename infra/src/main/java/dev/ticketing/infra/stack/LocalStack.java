package dev.ticketing.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import dev.ticketing.infra.embedded.EmbeddedKafka;
import dev.ticketing.infra.embedded.EmbeddedMariaDb;
import dev.ticketing.infra.embedded.EmbeddedRedis;
import dev.ticketing.infra.embedded.EmbeddedServerException;

/**
 * The whole system on one machine without Docker: a real Kafka broker (in this JVM), a real MariaDB and a
 * real Redis (child processes), then every service and the gateway as their own JVMs. The command line and
 * the system tests both start the stack through this class.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final Consumer<String> progress;
    private EmbeddedRedis redis;
    private EmbeddedMariaDb mariaDb;
    private EmbeddedKafka kafka;
    private final Map<ServiceName, ServiceProcess> services = new EnumMap<>(ServiceName.class);
    private volatile boolean closed;

    private LocalStack(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static LocalStack start(StackSettings settings, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings, progress);
        stack.startOrClean();
        return stack;
    }

    /** For the command line, which must be able to stop a stack that is still starting (Ctrl-C). */
    static LocalStack unstarted(StackSettings settings, Consumer<String> progress) {
        return new LocalStack(settings, progress);
    }

    void startOrClean() {
        try {
            startAll();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String serviceUrl(ServiceName service) {
        return settings.urlOf(service);
    }

    public Path logFile(ServiceName service) {
        return services.get(service).log();
    }

    /** Stops one service, as a crash or a deploy would; its routes should then fail fast at the gateway. */
    public void stopService(ServiceName service) {
        progress.accept("stopping " + service.module());
        services.get(service).stop();
    }

    public void startService(ServiceName service) {
        progress.accept("starting " + service.module());
        ServiceProcess process = services.get(service);
        process.start();
        process.awaitReady(settings.startTimeout());
    }

    /** Kills one service with SIGKILL (kill -9): no shutdown hook, no graceful drain, as a crash would. */
    public void killService(ServiceName service) {
        progress.accept("killing " + service.module());
        services.get(service).kill();
    }

    /** Stops the Kafka broker (for fault tests); {@link #startKafka} brings it back with its data. */
    public synchronized void stopKafka() {
        progress.accept("stopping Kafka");
        close(kafka);
        kafka = null;
    }

    public synchronized void startKafka() {
        StackSettings.Ports ports = settings.ports();
        progress.accept("starting Kafka on 127.0.0.1:" + ports.kafka());
        kafka = EmbeddedKafka.start(ports.kafka(), ports.kafkaController(), settings.dataDir().resolve("kafka"));
    }

    /** Stops MariaDB (for fault tests); {@link #startDatabase} brings it back with its data. */
    public synchronized void stopDatabase() {
        progress.accept("stopping MariaDB");
        close(mariaDb);
        mariaDb = null;
    }

    public synchronized void startDatabase() {
        progress.accept("starting MariaDB on 127.0.0.1:" + settings.ports().mariaDb());
        mariaDb = EmbeddedMariaDb.start(settings.ports().mariaDb(), settings.dataDir().resolve("mariadb"));
    }

    /** Stops Redis (for fault tests); {@link #startRedis} brings it back with its append-only file. */
    public synchronized void stopRedis() {
        progress.accept("stopping Redis");
        close(redis);
        redis = null;
    }

    public synchronized void startRedis() {
        progress.accept("starting Redis on 127.0.0.1:" + settings.ports().redis());
        redis = EmbeddedRedis.start(settings.ports().redis(), Optional.of(settings.dataDir().resolve("redis")));
    }

    public boolean isRunning(ServiceName service) {
        return services.get(service).isAlive();
    }

    /** Resident memory of this JVM (which hosts Kafka) and every service JVM, in kilobytes. */
    public long residentKilobytes() {
        long total = ProcessMemory.residentKilobytes(ProcessHandle.current().pid());
        for (ServiceProcess process : services.values()) {
            total += process.residentKilobytes();
        }
        for (Path pidFile : List.of(settings.dataDir().resolve("mariadb/data/mariadbd.pid"), settings.dataDir().resolve("redis/redis.pid"))) {
            total += readPid(pidFile).map(ProcessMemory::residentKilobytes).orElse(0L);
        }
        return total;
    }

    private void startAll() {
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(settings.pidDir());
        } catch (IOException e) {
            throw new StackException("Cannot create the data directory " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        StackSettings.Ports ports = settings.ports();
        try {
            startRedis();
            startDatabase();
            for (ServiceName service : ServiceName.values()) {
                service.databaseUser().ifPresent(user -> mariaDb.createDatabase(user + "_db", user, databasePassword(user)));
            }
            startKafka();
        } catch (EmbeddedServerException e) {
            throw new StackException(e.getMessage(), e);
        }
        for (ServiceName service : ServiceName.values()) {
            services.put(service, new ServiceProcess(service, jarOf(service), settings, environmentOf(service)));
        }
        progress.accept("starting " + services.size() + " services on 127.0.0.1, the gateway on "
                + settings.gatewayBindAddress() + " (logs in " + settings.logDir() + ")");
        Instant deadline = Instant.now().plus(settings.startTimeout());
        services.values().forEach(ServiceProcess::start);
        awaitAllReady();
        if (settings.loadDemoData()) {
            // A first pause longer than concert-service's listing cache (500 ms), so a retry sees what the last attempt created.
            RetryUntilDeadline retry = new RetryUntilDeadline(deadline, Duration.ofSeconds(1), Duration.ofSeconds(5), progress);
            int loaded = new DemoCatalog(settings.gatewayUrl(), serviceUrl(ServiceName.CONCERT), settings.adminKey(), retry)
                    .loadIfEmpty();
            progress.accept(loaded == 0 ? "demo concerts already present" : "loaded " + loaded + " demo concerts");
        }
    }

    private void awaitAllReady() {
        List<CompletableFuture<Void>> waits = services.values().stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitReady(settings.startTimeout())))
                .toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StackException stackException) {
                throw stackException;
            }
            throw e;
        }
    }

    private Map<String, String> environmentOf(ServiceName service) {
        StackSettings.Ports ports = settings.ports();
        Map<String, String> env = new HashMap<>(settings.serviceSettings());
        env.put("ADMIN_KEY", settings.adminKey());
        env.put("SERVER_PORT", Integer.toString(ports.of(service)));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(ports.redis()));
        service.databaseUser().ifPresent(user -> {
            env.put("SPRING_DATASOURCE_URL", "jdbc:mysql://127.0.0.1:" + ports.mariaDb() + "/" + user
                    + "_db?sslMode=DISABLED&allowPublicKeyRetrieval=true");
            env.put("SPRING_DATASOURCE_USERNAME", user);
            env.put("SPRING_DATASOURCE_PASSWORD", databasePassword(user));
        });
        // The gateway routes to every service; services call each other's internal APIs by the same names.
        env.put("QUEUE_SERVICE_URL", serviceUrl(ServiceName.QUEUE));
        env.put("CONCERT_SERVICE_URL", serviceUrl(ServiceName.CONCERT));
        env.put("RESERVATION_SERVICE_URL", serviceUrl(ServiceName.RESERVATION));
        env.put("PAYMENT_SERVICE_URL", serviceUrl(ServiceName.PAYMENT));
        return env;
    }

    private Path jarOf(ServiceName service) {
        return settings.repositoryRoot().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    /** The local stack's database passwords guard nothing beyond loopback; they only keep the schemas apart. */
    private static String databasePassword(String user) {
        return user + "-local";
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stops = services.values().stream()
                .map(process -> CompletableFuture.runAsync(process::stop))
                .toList();
        stops.forEach(CompletableFuture::join);
        close(kafka);
        close(mariaDb);
        close(redis);
    }

    private void close(AutoCloseable store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (Exception e) {
            progress.accept("could not stop a store cleanly: " + e.getMessage());
        }
    }
}
