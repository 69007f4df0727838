package dev.ticketing.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alert rules in infra/docker/prometheus/rules: valid, described, and unit-tested with promtool
 * (tests in infra/docker/prometheus/tests) both where each alert fires and where it must not.
 */
class AlertRulesTest {

    private static final Path PROMETHEUS = Path.of("docker", "prometheus");

    @Test
    void promtoolAcceptsTheRulesAndEveryUnitTestPasses() throws Exception {
        Promtool promtool = promtool();
        List<String> check = new ArrayList<>(List.of("check", "rules"));
        check.addAll(paths(ruleFiles()));
        List<String> test = new ArrayList<>(List.of("test", "rules"));
        test.addAll(paths(testFiles()));

        for (List<String> arguments : List.of(check, test)) {
            Promtool.Result result = promtool.run(arguments);
            assertThat(result.exitCode()).as("promtool %s:%n%s", String.join(" ", arguments), result.output())
                    .isZero();
        }
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbook() throws IOException {
        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(9);

        for (Map<String, Object> alert : alerts) {
            assertThat(map(alert.get("labels"))).as(name(alert)).containsKey("severity");
            assertThat(map(alert.get("annotations"))).as(name(alert)).containsKeys("summary", "runbook");
            assertThat(String.valueOf(map(alert.get("annotations")).get("runbook"))).as(name(alert))
                    .doesNotContain("\n");
        }
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiring() throws IOException {
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Path file : testFiles()) {
            for (Object test : list(yaml(file).get("tests"))) {
                for (Object evaluation : list(map(test).get("alert_rule_test"))) {
                    String alert = String.valueOf(map(evaluation).get("alertname"));
                    (list(map(evaluation).get("exp_alerts")).isEmpty() ? silent : firing).add(alert);
                }
            }
        }
        Set<String> names = new TreeSet<>(alerts().stream().map(AlertRulesTest::name).toList());

        assertThat(firing).as("alerts tested firing").containsAll(names);
        assertThat(silent).as("alerts tested not firing").containsAll(names);
    }

    /** The promtool on the PATH; without one the test is skipped, except in CI where it must run. */
    private static Promtool promtool() {
        Optional<Promtool> found = Promtool.onPath();
        if (found.isEmpty() && System.getenv("CI") != null) {
            fail("promtool is not on the PATH and CI is set: install Debian's prometheus package (.ci/run does)");
        }
        Assumptions.assumeTrue(found.isPresent(), "promtool is not on the PATH: the alert rules' promtool checks "
                + "and unit tests are skipped (apt-get install prometheus brings promtool)");
        return found.orElseThrow();
    }

    private static List<Map<String, Object>> alerts() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Object group : list(yaml(file).get("groups"))) {
                for (Object rule : list(map(group).get("rules"))) {
                    if (map(rule).containsKey("alert")) {
                        alerts.add(map(rule));
                    }
                }
            }
        }
        return alerts;
    }

    private static String name(Map<String, Object> alert) {
        return String.valueOf(alert.get("alert"));
    }

    private static List<Path> ruleFiles() throws IOException {
        return yamlFiles(PROMETHEUS.resolve("rules"));
    }

    private static List<Path> testFiles() throws IOException {
        return yamlFiles(PROMETHEUS.resolve("tests"));
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(file -> file.toString().matches(".*\\.ya?ml")).sorted().toList();
            assertThat(found).as("YAML files in " + dir).isNotEmpty();
            return found;
        }
    }

    private static List<String> paths(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
