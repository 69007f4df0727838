package dev.ticketing.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboards Grafana provisions from infra/docker/grafana, checked the way Grafana would read them. */
class DashboardFilesTest {

    private static final Path GRAFANA = Path.of("docker", "grafana");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDashboardUsesProvisionedDataSourcesUniqueIdsAndDefinedVariablesAndEveryPanelHasAQuery()
            throws IOException {
        List<Path> files = dashboardFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);

        DashboardCheck check = new DashboardCheck(provisionedDataSources());
        for (Path file : files) {
            check.check(file.getFileName().toString(), JSON.readTree(file.toFile()));
        }

        assertThat(check.problems()).isEmpty();
    }

    @Test
    void theDataSourcesAreThePrometheusUidAndTheProvisionedOnes() throws IOException {
        assertThat(provisionedDataSources()).contains("prometheus");
    }

    @Test
    void anUnknownDataSourceIsReported() {
        assertThat(problemsOf(panel(1, "{\"type\":\"prometheus\",\"uid\":\"elsewhere\"}", "up")))
                .singleElement().asString().contains("data source uid \"elsewhere\" is not provisioned");
    }

    @Test
    void aPanelIdUsedTwiceIsReported() {
        assertThat(problemsOf(panel(7, PROMETHEUS, "up") + "," + panel(7, PROMETHEUS, "up")))
                .singleElement().asString().contains("id 7 is used twice");
    }

    @Test
    void aPanelWithoutAQueryIsReported() {
        assertThat(problemsOf(panel(1, PROMETHEUS, "")))
                .singleElement().asString().contains("no query");
    }

    @Test
    void aVariableNoTemplateDefinesIsReportedButGrafanasOwnAreNot() {
        assertThat(problemsOf(panel(1, PROMETHEUS, "rate(x{concert=~\\\"$concert\\\"}[$__rate_interval])")))
                .singleElement().asString().contains("uses $concert");
    }

    @Test
    void aUidUsedByTwoDashboardsIsReported() {
        DashboardCheck check = new DashboardCheck(Set.of("prometheus"));
        check.check("a.json", dashboard("same", panel(1, PROMETHEUS, "up")));
        check.check("b.json", dashboard("same", panel(1, PROMETHEUS, "up")));

        assertThat(check.problems()).singleElement().asString().contains("uid same is also a.json's");
    }

    private static final String PROMETHEUS = "{\"type\":\"prometheus\",\"uid\":\"prometheus\"}";

    private static List<String> problemsOf(String panels) {
        return new DashboardCheck(Set.of("prometheus")).check("test.json", dashboard("test", panels)).problems();
    }

    private static String panel(int id, String dataSource, String expr) {
        return """
                {"id": %d, "type": "timeseries", "title": "p%d", "datasource": %s,
                 "fieldConfig": {"defaults": {"unit": "s"}},
                 "targets": [{"refId": "A", "expr": "%s", "legendFormat": "x"}]}""".formatted(id, id, dataSource, expr);
    }

    private static JsonNode dashboard(String uid, String panels) {
        return JSON.readTree("{\"uid\": \"" + uid + "\", \"templating\": {\"list\": []}, \"panels\": [" + panels + "]}");
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** "prometheus" plus every uid in provisioning/datasources/*.yml. */
    @SuppressWarnings("unchecked")
    private static Set<String> provisionedDataSources() throws IOException {
        Set<String> uids = new HashSet<>(Set.of("prometheus"));
        try (Stream<Path> files = Files.list(GRAFANA.resolve("provisioning").resolve("datasources"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).toList()) {
                Map<String, Object> provisioning = new Yaml().load(Files.readString(file));
                for (Map<String, Object> source : (List<Map<String, Object>>) provisioning.getOrDefault("datasources",
                        List.of())) {
                    uids.add(String.valueOf(source.get("uid")));
                }
            }
        }
        return uids;
    }
}
