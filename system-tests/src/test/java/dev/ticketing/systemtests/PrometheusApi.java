package dev.ticketing.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API of a running Prometheus, as Grafana uses it: instant queries, series lookups and rule states. */
final class PrometheusApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    PrometheusApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The result vector of an instant query; an invalid query is an {@link IllegalArgumentException}. */
    JsonNode query(String promQl) {
        return call("/api/v1/query", "query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)).path("result");
    }

    /** How many series carry this metric name now. */
    int seriesCount(String metricName) {
        return call("/api/v1/series", "match[]=" + URLEncoder.encode("{__name__=\"" + metricName + "\"}",
                StandardCharsets.UTF_8) + "&start=" + (System.currentTimeMillis() / 1000 - 600)).size();
    }

    /** Each scrape target's job, health and last scrape error. */
    JsonNode activeTargets() {
        return call("/api/v1/targets", "state=active").path("activeTargets");
    }

    /** Every rule group Prometheus loaded, with each rule's health and last error. */
    JsonNode ruleGroups() {
        return call("/api/v1/rules", "").path("groups");
    }

    private JsonNode call(String path, String parameters) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + parameters))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
                throw new IllegalArgumentException(path + " answered " + response.statusCode() + ": "
                        + body.path("error").asString(response.body()));
            }
            return body.path("data");
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
