package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot be run here (no Docker engine), so its promises are checked as data. */
class DockerComposeFileTest {

    private static final Path ROOT = repositoryRoot();
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("gateway", 8080, "queue-service", 8081,
            "concert-service", 8082, "reservation-service", 8083, "payment-service", 8084, "analytics-service", 8085);
    /** The services that publish events, each declaring the partitions of its topics. */
    private static final Set<String> TOPIC_OWNERS = Set.of("queue-service", "concert-service", "reservation-service",
            "payment-service");
    /** Reads the topics and keeps its state in Kafka and its own directory: no schema, no cache. */
    private static final String ANALYTICS = "analytics-service";
    private static final Map<String, Integer> MONITORING_PORTS = Map.of("prometheus", 9090, "grafana", 3000,
            "jaeger", 16686);
    private static final Set<String> STORES = Set.of("mysql", "kafka", "redis");
    private static final Set<String> DATABASE_USERS = Set.of("concert", "reservation", "payment");
    /** DESIGN.md section 3, but for ADMIN_KEY, which has no default. */
    private static final Map<String, String> SETTINGS = Map.of("HOLD_TTL", "PT5M", "QUEUE_ACTIVE_TTL", "PT10M",
            "QUEUE_MAX_ACTIVE", "100", "QUEUE_ADMIT_INTERVAL", "PT1S", "QUEUE_IDLE_TIMEOUT", "PT1M",
            "QUEUE_ACTIVE_IDLE_TIMEOUT", "PT2M", "QUEUE_POLL_BUDGET", "500", "JOIN_RATE_PER_IP", "20",
            "TRACING_SAMPLING_PROBABILITY", "1.0");
    /** Compose's "${VARIABLE:?message}": the variable must be set, or nothing starts. */
    private static final String REQUIRED = "\\$\\{%s:\\?[^}]+}";
    /** Room a JVM needs beyond heap, metaspace, direct buffers and code cache: thread stacks, GC and class tables. */
    private static final long JVM_OWN_MIB = 96;

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parseComposeFile() {
        services = map(yaml("docker-compose.yml").get("services"));
    }

    @Test
    void declaresTheStoresEveryServiceAndMonitoring() {
        Set<String> expected = new TreeSet<>(STORES);
        expected.addAll(SERVICE_PORTS.keySet());
        expected.addAll(MONITORING_PORTS.keySet());
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
            assertThat(healthcheck.get("test")).as(name).isInstanceOf(List.class);
            assertThat((List<?>) healthcheck.get("test")).as(name).hasSizeGreaterThan(1)
                    .first().isIn("CMD", "CMD-SHELL");
            assertThat(String.valueOf(memoryLimit(service))).as(name).matches("(?i)\\d+[mg]b?");
        });
    }

    @Test
    void everyDependencyWaitsUntilTheOtherContainerIsHealthy() {
        services.forEach((name, service) -> map(service.getOrDefault("depends_on", Map.of())).forEach(
                (dependency, condition) -> assertThat(map(condition)).as(name + " -> " + dependency)
                        .containsEntry("condition", "service_healthy")));
    }

    @Test
    void everyContainerWaitsForTheHostsItIsPointedAt() {
        services.forEach((name, service) -> environment(name).forEach((variable, value) -> {
            String host = hostIn(variable, value);
            // AUDIT_* hosts are called only when an admin asks for an audit, never to start or serve fans.
            if (host != null && !variable.startsWith("AUDIT_")) {
                assertThat(map(service.get("depends_on"))).as(name + " " + variable).containsKey(host);
            }
        }));
    }

    @Test
    void everyContainerRestartsUnlessStopped() {
        services.forEach((name, service) -> assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped"));
    }

    /** The services trust the X-User-Id the gateway forwards; Prometheus has no login. */
    @Test
    void publishesTheDocumentedPortsOnLoopbackOnlyAndTheGatewayElsewhereOnlyWhenAsked() {
        Map<String, Integer> expected = new HashMap<>(SERVICE_PORTS);
        expected.putAll(MONITORING_PORTS);
        services.forEach((name, service) -> {
            List<String> ports = ((List<?>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
            Integer port = expected.get(name);
            String address = name.equals("gateway") ? "${GATEWAY_BIND_ADDRESS:-127.0.0.1}" : "127.0.0.1";
            assertThat(ports).as(name).isEqualTo(port == null ? List.of() : List.of(address + ":" + port + ":" + port));
        });
    }

    @Test
    void theAdminKeyHasNoDefaultSoComposeRefusesToStartWithoutOne() throws IOException {
        SERVICE_PORTS.keySet().forEach(name ->
                assertThat(environment(name).get("ADMIN_KEY")).as(name).matches(REQUIRED.formatted("ADMIN_KEY")));
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContain("dev-only-admin-key");
    }

    @Test
    void grafanaHasNoWellKnownAdminPasswordAndAnonymousVisitorsOnlyView() {
        Map<String, String> grafana = environment("grafana");
        assertThat(grafana.get("GF_SECURITY_ADMIN_PASSWORD")).matches(REQUIRED.formatted("GRAFANA_ADMIN_PASSWORD"));
        if ("true".equals(grafana.get("GF_AUTH_ANONYMOUS_ENABLED"))) {
            assertThat(grafana).containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        }
    }

    /** A consumer may subscribe first and so auto-create a topic: with the broker's default, not the owner's count. */
    @Test
    void theBrokerCreatesTopicsWithThePartitionsEveryServiceDeclares() {
        String brokerDefault = environment("kafka").get("KAFKA_NUM_PARTITIONS");
        Map<String, Object> declared = new TreeMap<>();
        for (String name : TOPIC_OWNERS) {
            for (Object document : new Yaml().loadAll(read(name + "/src/main/resources/application.yml"))) {
                Object ticketing = map(document).get("ticketing");
                if (ticketing != null && map(ticketing).get("kafka") != null) {
                    declared.put(name, map(map(ticketing).get("kafka")).get("partitions"));
                }
            }
        }
        assertThat(declared).as("ticketing.kafka.partitions").containsOnlyKeys(TOPIC_OWNERS).allSatisfy(
                (service, partitions) -> assertThat(String.valueOf(partitions)).as(service).isEqualTo(brokerDefault));
    }

    /** The heap share of the limit, plus every capped area outside the heap, plus the JVM's own needs, fit the limit. */
    @Test
    void everyServiceJvmFitsItsMemoryLimitWithRoomOutsideTheHeap() throws IOException {
        for (String name : SERVICE_PORTS.keySet()) {
            long limit = mebibytes(String.valueOf(memoryLimit(services.get(name))));
            String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
            long heap = limit * Long.parseLong(flag(dockerfile, "MaxRAMPercentage")) / 100;
            long outside = mebibytes(flag(dockerfile, "MaxMetaspaceSize")) + mebibytes(flag(dockerfile, "MaxDirectMemorySize"))
                    + mebibytes(flag(dockerfile, "ReservedCodeCacheSize"));
            assertThat(heap + outside + JVM_OWN_MIB).as(name + ": heap " + heap + " MiB + " + outside + " MiB capped outside it")
                    .isLessThanOrEqualTo(limit);
            assertThat(heap).as(name + " heap, MiB (./stack gives 384)").isGreaterThanOrEqualTo(384);
        }
    }

    @Test
    void serviceHealthchecksAskForReadinessOnTheServicesOwnPort() {
        SERVICE_PORTS.forEach((name, port) -> assertThat(map(services.get(name).get("healthcheck")).get("test"))
                .asString().contains("http://localhost:" + port + "/actuator/health/readiness"));
    }

    @Test
    void everyServiceGetsTheDesignSettingsWithTheDocumentedDefaults() {
        SERVICE_PORTS.keySet().forEach(name -> SETTINGS.forEach((variable, fallback) ->
                assertThat(environment(name)).as(name).containsEntry(variable, "${" + variable + ":-" + fallback + "}")));
    }

    /** Spans go to the compose Jaeger by default, over OTLP/HTTP; Grafana has it as a data source. */
    @Test
    void everyServiceExportsItsSpansToJaegerUnlessToldOtherwise() {
        SERVICE_PORTS.keySet().forEach(name -> assertThat(environment(name)).as(name).containsEntry(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "${TRACING_OTLP_ENDPOINT:-http://jaeger:4318/v1/traces}"));
        Map<String, Object> dataSource = map(((List<?>) yaml("infra/docker/grafana/provisioning/datasources/jaeger.yml")
                .get("datasources")).getFirst());
        assertThat(dataSource).containsEntry("type", "jaeger").containsEntry("url", "http://jaeger:16686");
    }

    @Test
    void everyServiceReachesTheBrokerAndAllButAnalyticsTheCacheAsTheLocalStackDoes() {
        SERVICE_PORTS.keySet().forEach(name -> {
            assertThat(environment(name)).as(name).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            if (!name.equals(ANALYTICS)) {
                assertThat(environment(name)).as(name)
                        .containsEntry("SPRING_DATA_REDIS_HOST", "redis").containsEntry("SPRING_DATA_REDIS_PORT", "6379");
            }
        });
    }

    @Test
    void analyticsServiceNeedsOnlyTheBroker() {
        assertThat(environment(ANALYTICS)).doesNotContainKeys("SPRING_DATA_REDIS_HOST", "SPRING_DATASOURCE_URL");
        assertThat(map(services.get(ANALYTICS).get("depends_on"))).containsOnlyKeys("kafka");
    }

    /** Kafka Streams resumes from its local stores after a restart only if they are still there, and writable. */
    @Test
    void analyticsServiceKeepsItsStreamsStateOnANamedVolumeItsUserOwns() throws IOException {
        Map<String, String> environment = environment(ANALYTICS);
        String stateDir = environment.get("ANALYTICS_STATE_DIR");
        List<String> mounts = ((List<?>) services.get(ANALYTICS).get("volumes")).stream().map(String::valueOf)
                .filter(volume -> stateDir.startsWith(volume.substring(volume.indexOf(':') + 1) + "/")).toList();
        assertThat(mounts).as("the volume holding " + stateDir).hasSize(1);
        String volume = mounts.getFirst().substring(0, mounts.getFirst().indexOf(':'));
        String mountPoint = mounts.getFirst().substring(mounts.getFirst().indexOf(':') + 1);
        assertThat(map(yaml("docker-compose.yml").get("volumes"))).as("named volumes").containsKey(volume);
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("chown ticketing:ticketing " + mountPoint);
        assertThat(dockerfile.indexOf("chown ticketing:ticketing " + mountPoint)).as("owned before USER ticketing")
                .isLessThan(dockerfile.indexOf("\nUSER ticketing"));
        // Other instances reach this one by its compose name, not at the loopback default.
        assertThat(environment).containsEntry("ANALYTICS_ADVERTISED_HOST", ANALYTICS);
    }

    @Test
    void onlyTheDatabaseServicesGetASchemaAndEachOnlyItsOwn() {
        SERVICE_PORTS.keySet().forEach(name -> {
            String user = name.replace("-service", "");
            if (DATABASE_USERS.contains(user)) {
                assertThat(environment(name)).containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://mysql:3306/" + user + "_db")
                        .containsEntry("SPRING_DATASOURCE_USERNAME", user).containsEntry("SPRING_DATASOURCE_PASSWORD", user);
            } else {
                assertThat(environment(name)).as(name).doesNotContainKey("SPRING_DATASOURCE_URL");
            }
        });
    }

    @Test
    void gatewayRoutesToEveryServiceByItsComposeName() {
        SERVICE_PORTS.forEach((name, port) -> {
            if (!name.equals("gateway")) {
                String variable = name.replace("-service", "").toUpperCase() + "_SERVICE_URL";
                assertThat(environment("gateway")).containsEntry(variable, "http://" + name + ":" + port);
            }
        });
    }

    @Test
    void everyServiceIsBuiltByTheOneDockerfileForItsModuleAsANonRootUser() throws IOException {
        Path dockerfile = ROOT.resolve("Dockerfile");
        for (String name : SERVICE_PORTS.keySet()) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(ROOT.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")))
                    .normalize()).as(name).isEqualTo(dockerfile);
            assertThat(map(build.get("args"))).as(name).containsEntry("MODULE", name)
                    .containsEntry("PORT", SERVICE_PORTS.get(name));
            assertThat(ROOT.resolve(name).resolve("pom.xml")).as(name + " is a module").isRegularFile();
        }
        assertThat(Files.readString(dockerfile)).contains("-pl \"$MODULE\" -am ", "FROM eclipse-temurin:21-jre",
                "\nUSER ticketing", "-XX:+ExitOnOutOfMemoryError", "EXPOSE ${PORT}");
    }

    @Test
    void everyMountedHostPathExists() {
        services.forEach((name, service) -> ((List<?>) service.getOrDefault("volumes", List.of())).stream()
                .map(String::valueOf).filter(volume -> volume.startsWith("./"))
                .forEach(volume -> assertThat(ROOT.resolve(volume.substring(0, volume.indexOf(':')))).as(name).exists()));
        assertThat(ROOT.resolve("infra/docker/grafana/dashboards")).isDirectoryContaining("glob:**.json");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorEndpoint() {
        Set<String> targets = new TreeSet<>();
        for (Object job : (List<?>) yaml("infra/docker/prometheus/prometheus.yml").get("scrape_configs")) {
            if ("/actuator/prometheus".equals(map(job).get("metrics_path"))) {
                for (Object staticConfig : (List<?>) map(job).get("static_configs")) {
                    ((List<?>) map(staticConfig).get("targets")).forEach(target -> targets.add(String.valueOf(target)));
                }
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                SERVICE_PORTS.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue()).toList());
    }

    @Test
    void mysqlInitScriptGrantsEachServiceUserOnlyItsOwnSchema() throws IOException {
        String sql = Files.readString(ROOT.resolve("infra/docker/mysql/init/01-service-schemas.sql"));
        Map<String, Set<String>> grants = new TreeMap<>();
        Matcher grant = Pattern.compile("GRANT\\s+[^;]+?\\s+ON\\s+(\\S+)\\s+TO\\s+'(\\w+)'", Pattern.CASE_INSENSITIVE).matcher(sql);
        while (grant.find()) {
            grants.computeIfAbsent(grant.group(2), user -> new TreeSet<>()).add(grant.group(1));
        }
        DATABASE_USERS.forEach(user -> assertThat(sql).contains("CREATE DATABASE IF NOT EXISTS " + user + "_db",
                "CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + user + "'"));
        assertThat(grants).isEqualTo(Map.of("concert", Set.of("concert_db.*"),
                "reservation", Set.of("reservation_db.*"), "payment", Set.of("payment_db.*")));
    }

    private static Object memoryLimit(Map<String, Object> service) {
        return service.containsKey("mem_limit") ? service.get("mem_limit")
                : map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory");
    }

    /** "768M", "1G", "160m" in MiB. */
    private static long mebibytes(String size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)([mg])b?").matcher(size);
        assertThat(matcher.matches()).as(size).isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }

    /** The value of -XX:name=value in a Dockerfile's entry point, which must set it. */
    private static String flag(String dockerfile, String name) {
        Matcher matcher = Pattern.compile("\"-XX:" + name + "=([^\"]+)\"").matcher(dockerfile);
        assertThat(matcher.find()).as("-XX:" + name).isTrue();
        return matcher.group(1);
    }

    /** The compose or stack host a variable points a container at, or null for a plain setting. */
    private static String hostIn(String variable, String value) {
        if (variable.equals("SPRING_DATA_REDIS_HOST")) {
            return value;
        }
        if (variable.equals("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            return value.substring(0, value.indexOf(':'));
        }
        if (variable.equals("SPRING_DATASOURCE_URL") || variable.endsWith("_SERVICE_URL")) {
            return URI.create(value.replaceFirst("^jdbc:", "")).getHost();
        }
        return null;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new TreeMap<>();
        Object declared = services.get(service).getOrDefault("environment", Map.of());
        if (declared instanceof List<?> list) {
            list.forEach(entry -> environment.put(entry.toString().split("=", 2)[0], entry.toString().split("=", 2)[1]));
        } else {
            map(declared).forEach((variable, value) -> environment.put(variable, String.valueOf(value)));
        }
        return environment;
    }

    private static Map<String, Object> yaml(String relativePath) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(relativePath))) {
            return map(new Yaml().load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + relativePath, e);
        }
    }

    private static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + relativePath, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, V>) node;
    }

    /** Surefire runs in system-tests/; an IDE may run from the root. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docker-compose.yml")) || !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
            assertThat(dir).as("repository root above the working directory").isNotNull();
        }
        return dir;
    }
}
