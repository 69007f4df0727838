package dev.ticketing.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of every panel of the provisioned Grafana dashboards, with Grafana's variables replaced the way
 * Grafana would for "All" over the last few minutes, so that Prometheus can answer them as they are.
 */
final class DashboardQueries {

    /** A panel's query, as Grafana sends it for the dashboard's defaults, and the same without its zero fallback. */
    record PanelQuery(String dashboard, int panelId, String panelTitle, String expression) {

        private static final String ZERO_FALLBACK = " or vector(0)";

        /** The fallback only keeps an idle panel at 0; the meter behind it must still exist once the journey ran. */
        String withoutZeroFallback() {
            return expression.endsWith(ZERO_FALLBACK)
                    ? expression.substring(0, expression.length() - ZERO_FALLBACK.length()) : expression;
        }

        @Override
        public String toString() {
            return dashboard + " #" + panelId + " \"" + panelTitle + "\": " + expression;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RATE_INTERVAL = Pattern.compile("\\$(__rate_interval|\\{__rate_interval})");
    private static final Pattern INTERVAL = Pattern.compile("\\$(__interval|\\{__interval})");
    private static final Pattern RANGE = Pattern.compile("\\$(__range|\\{__range})");
    /** Any other variable stands for "All", which Grafana sends as .* inside a regex matcher. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?|\\[\\[[A-Za-z0-9_]+]]");

    private DashboardQueries() {
    }

    static List<PanelQuery> in(Path dashboards) {
        List<PanelQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(Files.readString(file));
                collect(dashboard.path("title").asString(file.getFileName().toString()), dashboard.path("panels"), queries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** Rows may nest their panels. */
    private static void collect(String dashboard, JsonNode panels, List<PanelQuery> queries) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), queries);
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr").asString("");
                if (!expression.isBlank()) {
                    queries.add(new PanelQuery(dashboard, panel.path("id").asInt(), panel.path("title").asString(""),
                            substitute(expression)));
                }
            }
        }
    }

    static String substitute(String expression) {
        String result = RATE_INTERVAL.matcher(expression).replaceAll("1m");
        result = INTERVAL.matcher(result).replaceAll("15s");
        result = RANGE.matcher(result).replaceAll("5m");
        return VARIABLE.matcher(result).replaceAll(".*").trim();
    }
}
