package dev.ticketing.infra.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a launch needs: where the repository and the data live, which ports to use, and the settings of
 * DESIGN.md section 3 that every service honours. Built from the environment for the command line; tests
 * build their own with free ports and shorter timings.
 *
 * <p>Every process of the stack listens on loopback only: the services trust the {@code X-User-Id} the gateway
 * forwards, so whoever reached one directly could act as any fan. Only the gateway may listen elsewhere, on
 * {@code gatewayBindAddress}, and only when asked.
 */
public record StackSettings(
        Path repositoryRoot,
        Path dataDir,
        Ports ports,
        Map<String, String> serviceSettings,
        String adminKey,
        List<String> serviceJvmOptions,
        boolean loadDemoData,
        String gatewayBindAddress,
        Duration startTimeout,
        boolean startupCache,
        int replicas) {

    /** The settings table of DESIGN.md section 3, with its defaults (ADMIN_KEY is handled apart). */
    public static final Map<String, String> DEFAULT_SETTINGS = defaults();

    public static final String LOOPBACK = "127.0.0.1";

    /** Where the services send their spans (OTLP/HTTP, e.g. http://127.0.0.1:4318/v1/traces); empty: nowhere. */
    public static final String TRACING_OTLP_ENDPOINT = "TRACING_OTLP_ENDPOINT";

    /**
     * How long every service may take to become ready, and the demo catalog to load. Generous: six JVMs starting
     * at once on a busy two-core machine take minutes, while a service that dies on the way fails the start at once.
     */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(10);

    /** The most instances of each process a local stack runs ({@code --replicas}): enough to prove N instances. */
    public static final int MAX_REPLICAS = 4;

    /**
     * Instance {@code i} (from 0) of a process listens on its port plus {@code i} times this: with the standard ports
     * the second instances are 8090 (gateway) to 8095 (analytics-service), the third 8100 to 8105.
     */
    public static final int REPLICA_PORT_STEP = 10;

    public StackSettings {
        ipLiteral(gatewayBindAddress);
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new StackFailure("STACK_START_TIMEOUT must be positive, not " + startTimeout);
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new StackFailure("--replicas must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
        }
    }

    /** One instance of each process. */
    public StackSettings(Path repositoryRoot, Path dataDir, Ports ports, Map<String, String> serviceSettings,
                         String adminKey, List<String> serviceJvmOptions, boolean loadDemoData,
                         String gatewayBindAddress, Duration startTimeout, boolean startupCache) {
        this(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions, loadDemoData,
                gatewayBindAddress, startTimeout, startupCache, 1);
    }

    /**
     * Without the start-up cache ({@link StartupCache}): its first start records an archive that the JVMs write
     * as they exit, which makes that stop slower, and tests that start from a fresh checkout gain nothing.
     */
    public StackSettings(Path repositoryRoot, Path dataDir, Ports ports, Map<String, String> serviceSettings,
                         String adminKey, List<String> serviceJvmOptions, boolean loadDemoData,
                         String gatewayBindAddress, Duration startTimeout) {
        this(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions, loadDemoData,
                gatewayBindAddress, startTimeout, false);
    }

    /** A stack whose gateway, like everything else, listens on loopback only, with the default start timeout. */
    public StackSettings(Path repositoryRoot, Path dataDir, Ports ports, Map<String, String> serviceSettings,
                         String adminKey, List<String> serviceJvmOptions, boolean loadDemoData) {
        this(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions, loadDemoData, LOOPBACK,
                DEFAULT_START_TIMEOUT);
    }

    public record Ports(int gateway, int queue, int concert, int reservation, int payment, int analytics,
                        int kafka, int kafkaController, int mariaDb, int redis) {

        public static Ports standard() {
            return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093, 3306, 6379);
        }

        public int of(ServiceName service) {
            return switch (service) {
                case GATEWAY -> gateway;
                case QUEUE -> queue;
                case CONCERT -> concert;
                case RESERVATION -> reservation;
                case PAYMENT -> payment;
                case ANALYTICS -> analytics;
            };
        }
    }

    public static StackSettings fromEnvironment(Path repositoryRoot) {
        return fromEnvironment(repositoryRoot, System.getenv());
    }

    static StackSettings fromEnvironment(Path repositoryRoot, Map<String, String> env) {
        Map<String, String> settings = new LinkedHashMap<>();
        DEFAULT_SETTINGS.forEach((name, value) -> settings.put(name, env.getOrDefault(name, value)));
        String adminKey = env.getOrDefault("ADMIN_KEY", "");
        if (adminKey.isBlank()) {
            adminKey = randomKey();
        }
        List<String> jvmOptions = List.of(env.getOrDefault("SERVICE_JAVA_OPTS", defaultJvmOptions()).trim().split("\\s+"));
        Path dataDir = Path.of(env.getOrDefault("STACK_DATA_DIR", repositoryRoot.resolve(".stack").toString()));
        String gatewayBindAddress = env.getOrDefault("GATEWAY_BIND_ADDRESS", "").trim();
        boolean startupCache = !env.getOrDefault("STACK_STARTUP_CACHE", "on").trim().equalsIgnoreCase("off");
        return new StackSettings(repositoryRoot, dataDir, Ports.standard(), settings, adminKey, jvmOptions, true,
                gatewayBindAddress.isEmpty() ? LOOPBACK : gatewayBindAddress, startTimeout(env), startupCache);
    }

    public StackSettings withPorts(Ports newPorts) {
        return new StackSettings(repositoryRoot, dataDir, newPorts, serviceSettings, adminKey, serviceJvmOptions,
                loadDemoData, gatewayBindAddress, startTimeout, startupCache, replicas);
    }

    public StackSettings withStartupCache(boolean enabled) {
        return new StackSettings(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions,
                loadDemoData, gatewayBindAddress, startTimeout, enabled, replicas);
    }

    public StackSettings withGatewayBindAddress(String address) {
        return new StackSettings(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions,
                loadDemoData, address, startTimeout, startupCache, replicas);
    }

    public StackSettings withSetting(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(serviceSettings);
        copy.put(name, value);
        return new StackSettings(repositoryRoot, dataDir, ports, copy, adminKey, serviceJvmOptions, loadDemoData,
                gatewayBindAddress, startTimeout, startupCache, replicas);
    }

    /** Runs {@code count} instances of every service and of the gateway. */
    public StackSettings withReplicas(int count) {
        return new StackSettings(repositoryRoot, dataDir, ports, serviceSettings, adminKey, serviceJvmOptions,
                loadDemoData, gatewayBindAddress, startTimeout, startupCache, count);
    }

    /** The port instance {@code replica} (from 0) of a process listens on. */
    public int portOf(ServiceName service, int replica) {
        return ports.of(service) + REPLICA_PORT_STEP * replica;
    }

    /** How this machine reaches every instance of a process, in instance order. */
    public List<String> urlsOf(ServiceName service) {
        return java.util.stream.IntStream.range(0, replicas).mapToObj(replica -> urlOf(service, replica)).toList();
    }

    /** The address a service listens on: loopback for all but the gateway. */
    public String bindAddressOf(ServiceName service) {
        return service == ServiceName.GATEWAY ? gatewayBindAddress : LOOPBACK;
    }

    /** How this machine reaches a service: over loopback, unless the gateway listens on one other address only. */
    public String urlOf(ServiceName service) {
        String host = LOOPBACK;
        InetAddress bound = ipLiteral(bindAddressOf(service));
        if (!bound.isAnyLocalAddress() && !bound.isLoopbackAddress()) {
            host = bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        }
        return "http://" + host + ":" + ports.of(service);
    }

    /** How this machine reaches one instance of a process (0: the first, whose URL {@link #urlOf} gives). */
    public String urlOf(ServiceName service, int replica) {
        String first = urlOf(service);
        return first.substring(0, first.lastIndexOf(':') + 1) + portOf(service, replica);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path pidDir() {
        return dataDir.resolve("pids");
    }

    /**
     * An instance's own files that must outlive a restart of it (analytics-service's Kafka Streams state), one
     * directory per instance. Under the data directory, so {@code down --wipe} and a test stack's fresh start delete
     * it with the stores' data.
     */
    public Path stateDirOf(ServiceName service, int replica) {
        return dataDir.resolve("state").resolve(instanceName(service, replica));
    }

    /** A process instance's name in file names and messages: the module for the first, then module-2, module-3. */
    public static String instanceName(ServiceName service, int replica) {
        return replica == 0 ? service.module() : service.module() + "-" + (replica + 1);
    }

    public String gatewayUrl() {
        return urlOf(ServiceName.GATEWAY);
    }

    public static String defaultJvmOptions() {
        // Six JVMs share two cores: a small heap and the serial collector keep each one lean.
        return "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k";
    }

    public static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("infra"))
                    && Files.isDirectory(dir.resolve("gateway"))) {
                return dir;
            }
        }
        throw new StackFailure("Cannot find the ticketing repository from " + start.toAbsolutePath()
                + ": run from inside the checkout or set TICKETING_HOME.");
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("HOLD_TTL", "PT5M");
        defaults.put("QUEUE_ACTIVE_TTL", "PT10M");
        defaults.put("QUEUE_MAX_ACTIVE", "100");
        defaults.put("QUEUE_ADMIT_INTERVAL", "PT1S");
        defaults.put("QUEUE_IDLE_TIMEOUT", "PT1M");
        defaults.put("QUEUE_ACTIVE_IDLE_TIMEOUT", "PT2M");
        defaults.put("QUEUE_POLL_BUDGET", "500");
        defaults.put("JOIN_RATE_PER_IP", "20");
        // Traces: empty exports nothing (ServiceEnvironment passes an endpoint on only when one is set).
        defaults.put(TRACING_OTLP_ENDPOINT, "");
        defaults.put("TRACING_SAMPLING_PROBABILITY", "1.0");
        return Map.copyOf(defaults);
    }

    private static Duration startTimeout(Map<String, String> env) {
        String value = env.getOrDefault("STACK_START_TIMEOUT", "").trim();
        try {
            return value.isEmpty() ? DEFAULT_START_TIMEOUT : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new StackFailure("STACK_START_TIMEOUT must be an ISO-8601 duration such as PT10M, not '" + value + "'", e);
        }
    }

    /** Only literals: a host name would need a lookup, and may resolve to another address tomorrow. */
    private static InetAddress ipLiteral(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f.:]+") || !(address.contains(".") || address.contains(":"))) {
            throw new StackFailure("GATEWAY_BIND_ADDRESS must be an IP address such as 127.0.0.1 (the default)"
                    + " or 0.0.0.0 (every interface), not '" + address + "'");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new StackFailure("GATEWAY_BIND_ADDRESS '" + address + "' is not a valid IP address", e);
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
