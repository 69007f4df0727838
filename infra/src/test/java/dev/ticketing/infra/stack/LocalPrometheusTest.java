package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrometheusTest {

    @TempDir
    Path dir;

    @Test
    void scrapesEveryServiceOnLoopbackUnderItsComposeJobNameWithTheRules() {
        StackSettings settings = StackSettings.fromEnvironment(dir, Map.of());

        String yaml = LocalPrometheus.configuration(settings, Duration.ofSeconds(5), List.of(dir.resolve("rules/a.yml")));

        assertThat(yaml).contains("scrape_interval: 5s", "rule_files:\n  - \"" + dir.resolve("rules/a.yml") + "\"");
        for (ServiceName service : ServiceName.values()) {
            assertThat(yaml).contains("- job_name: " + service.module() + "\n    metrics_path: /actuator/prometheus\n"
                    + "    static_configs:\n      - targets: [\"127.0.0.1:" + settings.ports().of(service) + "\"]");
        }
    }

    @Test
    void withoutRuleFilesThereIsNoRuleSection() {
        String yaml = LocalPrometheus.configuration(StackSettings.fromEnvironment(dir, Map.of()), Duration.ofSeconds(1), List.of());

        assertThat(yaml).doesNotContain("rule_files");
    }

    @Test
    void theRulesAreTheYamlFilesOfTheComposeRulesDirectory() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("infra/docker/prometheus/rules"));
        Files.writeString(rules.resolve("b.yml"), "groups: []");
        Files.writeString(rules.resolve("a.yml"), "groups: []");
        Files.writeString(rules.resolve("README.md"), "not a rule file");

        assertThat(LocalPrometheus.rulesOf(dir)).containsExactly(rules.resolve("a.yml"), rules.resolve("b.yml"));
        assertThat(LocalPrometheus.rulesOf(dir.resolve("elsewhere"))).isEmpty();
    }

    @Test
    void theBinaryComesFromPrometheusBinOrThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path binary = Files.createFile(bin.resolve("prometheus"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(LocalPrometheus.binary(Map.of("PATH", dir.resolve("nothing") + ":" + bin))).contains(binary);
        assertThat(LocalPrometheus.binary(Map.of("PATH", bin.toString(), "PROMETHEUS_BIN", dir.resolve("missing").toString())))
                .isEmpty();
        assertThat(LocalPrometheus.binary(Map.of("PATH", "", "PROMETHEUS_BIN", binary.toString()))).contains(binary);
        assertThat(LocalPrometheus.binary(Map.of("PATH", dir.toString()))).isEmpty();
    }
}
