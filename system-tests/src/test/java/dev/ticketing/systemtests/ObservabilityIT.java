package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.infra.embedded.Ports;
import dev.ticketing.infra.stack.LocalPrometheus;
import dev.ticketing.infra.stack.ServiceName;
import dev.ticketing.infra.stack.StackFailure;
import dev.ticketing.infra.stack.StackSettings;

/**
 * What ops look at, checked on live data: a real Prometheus (the OS package, as {@code ./stack up --with-prometheus}
 * starts it) scrapes the system-test stack while fans complete a journey; then every panel of every provisioned
 * dashboard must show series, and every alert rule must evaluate cleanly over metrics that exist.
 */
class ObservabilityIT {

    private static final Path ROOT = StackSettings.findRepositoryRoot(Path.of(""));
    private static final Duration DATA_WITHIN = Duration.ofSeconds(90);
    private static LocalPrometheus prometheus;
    private static PrometheusApi api;

    @BeforeAll
    static void startPrometheusAndRunAJourney() {
        try {
            LocalPrometheus.requireInstalled();
        } catch (StackFailure notInstalled) {
            // CI installs it (.ci/run); elsewhere the rest of the suite is still worth running without it.
            if (System.getenv("CI") != null) {
                throw notInstalled;
            }
            Assumptions.abort(notInstalled.getMessage());
        }
        prometheus = LocalPrometheus.start(SystemUnderTest.stack().settings(), Ports.freePort(), Duration.ofSeconds(1));
        api = new PrometheusApi(prometheus.url());
        journey();
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** Without this, a scrape that fails (a format Prometheus cannot parse) would look like panels without data. */
    @Test
    void everyServiceIsScrapedCleanly() {
        await().atMost(DATA_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> targets = new TreeMap<>();
            for (JsonNode target : api.activeTargets()) {
                targets.put(target.path("labels").path("job").asString(),
                        target.path("health").asString() + " " + target.path("lastError").asString(""));
            }
            assertThat(targets).as("scrape targets: health and last error")
                    .containsOnlyKeys(Stream.of(ServiceName.values()).map(ServiceName::module).toList())
                    .allSatisfy((job, state) -> assertThat(state).as(job).isEqualTo("up "));
        });
    }

    /** Two fans: one buys a seat, the other holds one and lets it expire (which ends its token); a third watches. */
    private static void journey() {
        Concerts.Concert concert = Concerts.create("observability");
        Fan buyer = new Fan().join(concert.concertId()).awaitActive();
        Fan walker = new Fan().join(concert.concertId()).awaitActive();
        buyer.get("/api/v1/concerts/" + concert.concertId() + "/dates");
        buyer.seats(concert);
        assertThat(buyer.charge(Concerts.PRICE).status()).isEqualTo(200);
        // Paid at once: holds last 3 s in this stack, and on services that have served nothing yet the walker's two
        // holds in between took most of them (the payment found its hold expired, 409 HOLD_EXPIRED).
        String reservationId = buyer.hold(concert, 7).json().path("reservationId").asString();
        HttpApi.Response payment = buyer.pay(reservationId);
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        assertThat(walker.hold(concert, 8).status()).isEqualTo(201);
        assertThat(walker.hold(concert, 7).status()).isEqualTo(409);
        Fan observer = new Fan().join(concert.concertId()).awaitActive();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> observer.seatStatus(concert, 8).equals("AVAILABLE") && observer.seatStatus(concert, 7).equals("SOLD"));
    }

    @Test
    void everyDashboardPanelShowsDataAfterAJourney() {
        List<DashboardQueries.PanelQuery> queries = DashboardQueries.in(ROOT.resolve("infra/docker/grafana/dashboards"));
        assertThat(queries).as("panel queries in the provisioned dashboards").hasSizeGreaterThan(20);
        await().atMost(DATA_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> empty = new ArrayList<>();
            for (DashboardQueries.PanelQuery query : queries) {
                if (api.query(query.withoutZeroFallback()).isEmpty()) {
                    empty.add(query.toString());
                }
            }
            assertThat(empty).as("panels without data after the journey").isEmpty();
        });
    }

    @Test
    void everyAlertRuleEvaluatesCleanlyOverMetricsThatExist() {
        Map<String, String> expressions = new TreeMap<>();
        await().atMost(DATA_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> unhealthy = new ArrayList<>();
            expressions.clear();
            for (JsonNode group : api.ruleGroups()) {
                for (JsonNode rule : group.path("rules")) {
                    expressions.put(rule.path("name").asString(), rule.path("query").asString());
                    if (!"ok".equals(rule.path("health").asString())) {
                        unhealthy.add(rule.path("name").asString() + ": " + rule.path("health").asString() + " "
                                + rule.path("lastError").asString(""));
                    }
                }
            }
            assertThat(expressions).as("alert rules loaded from infra/docker/prometheus/rules").isNotEmpty();
            assertThat(unhealthy).as("rules not yet evaluated, or failing").isEmpty();
        });
        await().atMost(DATA_WITHIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>();
            expressions.forEach((rule, expression) -> PromQlMetricNames.of(expression).stream()
                    .filter(metric -> api.seriesCount(metric) == 0)
                    .forEach(metric -> missing.add(rule + " reads " + metric)));
            assertThat(missing).as("alert rules reading metrics that no service exports").isEmpty();
        });
    }
}
