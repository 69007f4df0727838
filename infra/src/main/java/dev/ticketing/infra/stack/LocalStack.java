package dev.ticketing.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import dev.ticketing.infra.embedded.EmbeddedKafka;
import dev.ticketing.infra.embedded.EmbeddedMariaDb;
import dev.ticketing.infra.embedded.EmbeddedRedis;
import dev.ticketing.infra.embedded.EmbeddedServerFailure;

/**
 * The whole system on one machine without Docker: a real Kafka broker (in this JVM), a real MariaDB and a
 * real Redis (child processes), then every service and the gateway as their own JVMs, as many instances of each
 * as {@link StackSettings#replicas()} says. The command line and the system tests both start the stack through
 * this class.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final ServiceEnvironment environment;
    private final ProgressRelay progress;
    private EmbeddedRedis redis;
    private EmbeddedMariaDb mariaDb;
    private EmbeddedKafka kafka;
    private final Map<ServiceName, List<ServiceProcess>> services = new EnumMap<>(ServiceName.class);
    private volatile boolean closed;

    private LocalStack(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.environment = new ServiceEnvironment(settings);
        this.progress = new ProgressRelay(progress);
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

    /** The gateway instances' URLs, in instance order (one unless the stack runs replicas). */
    public List<String> gatewayUrls() {
        return settings.urlsOf(ServiceName.GATEWAY);
    }

    public Path logFile(ServiceName service) {
        return logFile(service, 0);
    }

    public Path logFile(ServiceName service, int replica) {
        return instance(service, replica).log();
    }

    /** Stops every instance of a service, as a deploy would; its routes should then fail fast at the gateway. */
    public void stopService(ServiceName service) {
        progress.accept("stopping " + service.module());
        services.get(service).parallelStream().forEach(ServiceProcess::stop);
    }

    public void startService(ServiceName service) {
        progress.accept("starting " + service.module());
        services.get(service).parallelStream().forEach(process -> {
            process.start();
            process.awaitReady(settings.startTimeout());
        });
    }

    /** Kills every instance of a service with SIGKILL (kill -9): no shutdown hook, no graceful drain, as a crash would. */
    public void killService(ServiceName service) {
        progress.accept("killing " + service.module());
        services.get(service).forEach(ServiceProcess::kill);
    }

    /** Kills one instance (from 0) with SIGKILL, leaving the others running. */
    public void killInstance(ServiceName service, int replica) {
        ServiceProcess process = instance(service, replica);
        progress.accept("killing " + process.instanceName());
        process.kill();
    }

    public void startInstance(ServiceName service, int replica) {
        ServiceProcess process = instance(service, replica);
        progress.accept("starting " + process.instanceName());
        process.start();
        process.awaitReady(settings.startTimeout());
    }

    /** Whether one instance (from 0) is running. */
    public boolean isRunning(ServiceName service, int replica) {
        return instance(service, replica).isAlive();
    }

    private ServiceProcess instance(ServiceName service, int replica) {
        List<ServiceProcess> instances = services.get(service);
        if (replica < 0 || replica >= instances.size()) {
            throw new StackFailure(service.module() + " has " + instances.size() + " instance(s), not an instance " + replica);
        }
        return instances.get(replica);
    }

    /** Stops the Kafka broker (for fault tests); {@link #startKafka} brings it back with its data. */
    public synchronized void stopKafka() {
        progress.accept("stopping Kafka");
        close(kafka);
        kafka = null;
    }

    public void startKafka() {
        StackSettings.Ports ports = settings.ports();
        progress.accept("starting Kafka on 127.0.0.1:" + ports.kafka());
        keep(EmbeddedKafka.start(ports.kafka(), ports.kafkaController(), settings.dataDir().resolve("kafka")), started -> kafka = started);
        progress.accept("Kafka is ready");
    }

    /** Stops MariaDB (for fault tests); {@link #startDatabase} brings it back with its data. */
    public synchronized void stopDatabase() {
        progress.accept("stopping MariaDB");
        close(mariaDb);
        mariaDb = null;
    }

    public void startDatabase() {
        progress.accept("starting MariaDB on 127.0.0.1:" + settings.ports().mariaDb());
        keep(EmbeddedMariaDb.start(settings.ports().mariaDb(), settings.dataDir().resolve("mariadb")), started -> mariaDb = started);
        progress.accept("MariaDB is ready");
    }

    /** Stops Redis (for fault tests); {@link #startRedis} brings it back with its append-only file. */
    public synchronized void stopRedis() {
        progress.accept("stopping Redis");
        close(redis);
        redis = null;
    }

    public void startRedis() {
        progress.accept("starting Redis on 127.0.0.1:" + settings.ports().redis());
        keep(EmbeddedRedis.start(settings.ports().redis(), Optional.of(settings.dataDir().resolve("redis"))), started -> redis = started);
    }

    /** Stores start outside the lock, side by side; one that is ready after the stack was closed is stopped again. */
    private synchronized <T extends AutoCloseable> void keep(T store, Consumer<T> field) {
        if (closed) {
            close(store);
            throw new StackFailure("the stack was stopped while its stores were starting");
        }
        field.accept(store);
    }

    /** Whether every instance of the service is running. */
    public boolean isRunning(ServiceName service) {
        return services.get(service).stream().allMatch(ServiceProcess::isAlive);
    }

    /** Resident memory of this JVM (which hosts Kafka) and every service JVM, in kilobytes. */
    public long residentKilobytes() {
        long total = ProcessMemory.residentKilobytes(ProcessHandle.current().pid());
        for (ServiceProcess process : allProcesses()) {
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
            throw new StackFailure("Cannot create the data directory " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        for (ServiceName service : ServiceName.values()) {
            List<ServiceProcess> instances = new ArrayList<>();
            for (int replica = 0; replica < settings.replicas(); replica++) {
                instances.add(new ServiceProcess(service, replica, environment.jarOf(service), settings,
                        environment.of(service, replica), progress));
            }
            services.put(service, List.copyOf(instances));
        }
        Instant deadline = Instant.now().plus(settings.startTimeout());
        // The stores start side by side; each service as soon as the ones it needs are ready, not when all are.
        Map<Store, CompletableFuture<Void>> stores = new EnumMap<>(Store.class);
        stores.put(Store.REDIS, inParallel(() -> startRedis()));
        stores.put(Store.MARIADB, inParallel(() -> {
            startDatabase();
            for (ServiceName service : ServiceName.values()) {
                service.databaseUser().ifPresent(user -> mariaDb.createDatabase(user + "_db", user,
                        ServiceEnvironment.databasePassword(user)));
            }
        }));
        stores.put(Store.KAFKA, inParallel(() -> startKafka()));
        progress.accept("starting " + services.size() + " services" + (settings.replicas() > 1 ? ", " + settings.replicas()
                + " instances of each," : "") + " on 127.0.0.1 as their stores become ready, the gateway on "
                + settings.gatewayBindAddress() + " (logs in " + settings.logDir() + ")");
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        // Extracting newly built jars for the start-up cache overlaps with the stores starting, one jar at a time
        // so that it does not starve them.
        CompletableFuture<Void> prepared = CompletableFuture.completedFuture(null);
        for (ServiceProcess process : allProcesses()) {
            prepared = prepared.thenRunAsync(process::prepare, LocalStack::inNewThread);
            // Its own thread: run on the thread that completed the last store, one service's wait for readiness
            // would hold back the next service's start (the gateway waits for queue-service's keys).
            ready.add(StartOrder.whenReady(process.name(), stores, prepared).thenRunAsync(() -> {
                startUnlessClosed(process);
                process.awaitReady(settings.startTimeout());
                progress.accept(process.instanceName() + " is ready");
            }, LocalStack::inNewThread));
        }
        join(ready);
        if (settings.loadDemoData()) {
            // A first pause longer than concert-service's listing cache (500 ms), so a retry sees what the last attempt created.
            RetryUntilDeadline retry = new RetryUntilDeadline(deadline, Duration.ofSeconds(1), Duration.ofSeconds(5), progress);
            int loaded = new DemoCatalog(settings.gatewayUrl(), serviceUrl(ServiceName.CONCERT), settings.adminKey(), retry)
                    .loadIfEmpty();
            progress.accept(loaded == 0 ? "demo concerts already present" : "loaded " + loaded + " demo concerts");
        }
    }

    /** A stack closed while starting (Ctrl-C, or a store that failed) starts no more services. */
    private synchronized void startUnlessClosed(ServiceProcess process) {
        if (closed) {
            throw new StackFailure("the stack was stopped while " + process.instanceName() + " waited to start");
        }
        process.start();
    }

    private static CompletableFuture<Void> inParallel(Runnable task) {
        return CompletableFuture.runAsync(task, LocalStack::inNewThread);
    }

    /** One thread each: most of these wait on a child process or the network. */
    private static void inNewThread(Runnable task) {
        Thread.ofPlatform().daemon().name("stack-start").start(task);
    }

    void join(List<CompletableFuture<Void>> tasks) {
        CompletableFuture<Void> all = StartOrder.allUnlessOneFails(tasks);
        progress.relayUntilDone(all);
        try {
            all.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
                cause = wrapped.getCause();
            }
            switch (cause) {
                case StackFailure stackException -> throw stackException;
                case EmbeddedServerFailure storeFailure -> throw new StackFailure(storeFailure.getMessage(), storeFailure);
                default -> throw e;
            }
        }
    }

    /** Every instance of every process, in start order. */
    List<ServiceProcess> allProcesses() {
        return services.values().stream().flatMap(List::stream).toList();
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
        List<CompletableFuture<Void>> stops = allProcesses().stream()
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
