package dev.ticketing.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The booking steps' response times as the gateway itself measured them ({@code http.server.requests}, its
 * Prometheus histogram), read before and after a run so that only the run's requests count. Printed beside the
 * load generator's own figures, which also hold what the gateway never sees: the time a request waits in the
 * generator before it is sent and a new connection's set-up, both longer when generator and stack share the
 * cores. Answers 503 (sheds) and 429 are left out, as in the generator's figures. A percentile is the upper bound
 * of the histogram bucket it falls in (buckets grow by about a quarter), so it is read "at most".
 */
final class GatewayTimes {

    private static final Pattern BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{((?:[^\"}]|\"[^\"]*\")*)}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** A step and the route the gateway names it by. */
    record Route(String step, String method, String uri) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI prometheus;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private Map<String, NavigableMap<Double, Double>> before;
    private String unreadable;

    GatewayTimes(URI prometheus, Route... routes) {
        this.prometheus = prometheus;
        for (Route route : routes) {
            this.routes.put(route.method() + " " + route.uri(), route);
        }
    }

    void start() {
        before = read().orElse(null);
    }

    /** One line per step, in the order the routes were given. */
    void print() {
        Optional<Map<String, NavigableMap<Double, Double>>> after = read();
        if (before == null || after.isEmpty()) {
            System.out.println("[benchmark]   n/a: " + unreadable);
            return;
        }
        for (Route route : routes.values()) {
            NavigableMap<Double, Double> run = difference(after.get().get(route.step()), before.get(route.step()));
            long count = Math.round(run.isEmpty() ? 0 : run.lastEntry().getValue());
            if (count == 0) {
                System.out.printf("[benchmark]   %-12s no answers%n", route.step());
                continue;
            }
            System.out.printf("[benchmark]   %-12s p50 ≤ %5s ms   p99 ≤ %5s ms   (%d answers)%n", route.step(),
                    millis(percentile(run, 0.50)), millis(percentile(run, 0.99)), count);
        }
    }

    private Optional<Map<String, NavigableMap<Double, Double>>> read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                unreadable = prometheus + " answered " + response.statusCode();
                return Optional.empty();
            }
            return Optional.of(buckets(response.body()));
        } catch (IOException | RuntimeException e) {
            unreadable = prometheus + " could not be read: " + e;
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unreadable = "interrupted";
            return Optional.empty();
        }
    }

    /** Per step: cumulative count per bucket bound (seconds), summed over the statuses that count. */
    Map<String, NavigableMap<Double, Double>> buckets(String exposition) {
        Map<String, NavigableMap<Double, Double>> steps = new LinkedHashMap<>();
        Matcher line = BUCKET.matcher(exposition);
        while (line.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(line.group(1));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            Route route = routes.get(labels.get("method") + " " + labels.get("uri"));
            String status = labels.getOrDefault("status", "");
            if (route == null || status.equals("503") || status.equals("429")) {
                continue;
            }
            String le = labels.get("le");
            double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            steps.computeIfAbsent(route.step(), step -> new TreeMap<>())
                    .merge(bound, Double.parseDouble(line.group(2)), Double::sum);
        }
        return steps;
    }

    static NavigableMap<Double, Double> difference(NavigableMap<Double, Double> after,
                                                   NavigableMap<Double, Double> before) {
        NavigableMap<Double, Double> run = new TreeMap<>();
        if (after != null) {
            after.forEach((bound, count) -> run.put(bound,
                    count - (before == null ? 0 : before.getOrDefault(bound, 0.0))));
        }
        return run;
    }

    /** The least bucket bound (seconds) under which at least {@code share} of the answers fall. */
    static double percentile(NavigableMap<Double, Double> cumulative, double share) {
        double total = cumulative.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= share * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static String millis(double seconds) {
        return Double.isInfinite(seconds) ? "inf" : Long.toString(Math.round(seconds * 1000));
    }
}
