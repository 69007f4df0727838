package dev.ticketing.loadtests;

import java.net.URI;
import java.util.Map;
import java.util.NavigableMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GatewayTimesTest {

    private final GatewayTimes times = new GatewayTimes(URI.create("http://127.0.0.1:1/actuator/prometheus"),
            new GatewayTimes.Route("pay", "POST", "/api/v1/payments"),
            new GatewayTimes.Route("hold", "POST", "/api/v1/reservations"),
            new GatewayTimes.Route("seats", "GET", "/api/v1/concerts/{concertId}/dates/*/seats"));

    @Test
    void sumsAStepsStatusesButSheds() {
        Map<String, NavigableMap<Double, Double>> steps = times.buckets(
                bucket("POST", "201", "/api/v1/payments", "0.1", 3) + bucket("POST", "201", "/api/v1/payments", "+Inf", 4)
                        + bucket("POST", "409", "/api/v1/payments", "0.1", 1)
                        + bucket("POST", "409", "/api/v1/payments", "+Inf", 1)
                        + bucket("POST", "503", "/api/v1/payments", "+Inf", 50)
                        + bucket("POST", "429", "/api/v1/payments", "+Inf", 7)
                        + bucket("GET", "200", "/api/v1/payments", "+Inf", 9)
                        + bucket("POST", "201", "/api/v1/other", "+Inf", 9)
                        + "http_server_requests_seconds_count{method=\"POST\",status=\"201\",uri=\"/api/v1/payments\"} 4\n");

        assertEquals(Map.of(0.1, 4.0, Double.POSITIVE_INFINITY, 5.0), steps.get("pay"));
        assertFalse(steps.containsKey("hold"));
    }

    @Test
    void readsRoutesWhoseTemplateHasBraces() {
        Map<String, NavigableMap<Double, Double>> steps = times.buckets(
                bucket("GET", "200", "/api/v1/concerts/{concertId}/dates/*/seats", "0.01", 5)
                        + bucket("GET", "200", "/api/v1/concerts/{concertId}/dates/*/seats", "+Inf", 6));

        assertEquals(Map.of(0.01, 5.0, Double.POSITIVE_INFINITY, 6.0), steps.get("seats"));
    }

    @Test
    void aRunIsWhatTheBucketsGainedAndItsPercentilesAreBucketBounds() {
        NavigableMap<Double, Double> before = times.buckets(
                bucket("POST", "201", "/api/v1/reservations", "0.05", 10)
                        + bucket("POST", "201", "/api/v1/reservations", "0.5", 10)
                        + bucket("POST", "201", "/api/v1/reservations", "2.0", 10)
                        + bucket("POST", "201", "/api/v1/reservations", "+Inf", 10)).get("hold");
        NavigableMap<Double, Double> after = times.buckets(
                bucket("POST", "201", "/api/v1/reservations", "0.05", 60)
                        + bucket("POST", "201", "/api/v1/reservations", "0.5", 108)
                        + bucket("POST", "201", "/api/v1/reservations", "2.0", 110)
                        + bucket("POST", "201", "/api/v1/reservations", "+Inf", 110)).get("hold");

        NavigableMap<Double, Double> run = GatewayTimes.difference(after, before);

        assertEquals(100.0, run.lastEntry().getValue());
        assertEquals(0.05, GatewayTimes.percentile(run, 0.50));
        assertEquals(0.5, GatewayTimes.percentile(run, 0.98));
        assertEquals(2.0, GatewayTimes.percentile(run, 0.99));
    }

    @Test
    void withoutAReadingBeforeTheRunEverythingCounts() {
        NavigableMap<Double, Double> after = times.buckets(
                bucket("POST", "201", "/api/v1/reservations", "0.05", 1)
                        + bucket("POST", "201", "/api/v1/reservations", "+Inf", 3)).get("hold");

        assertEquals(Double.POSITIVE_INFINITY, GatewayTimes.percentile(GatewayTimes.difference(after, null), 0.5));
    }

    private static String bucket(String method, String status, String uri, String le, long count) {
        return "http_server_requests_seconds_bucket{application=\"gateway\",error=\"none\",method=\"" + method
                + "\",outcome=\"SUCCESS\",status=\"" + status + "\",uri=\"" + uri + "\",le=\"" + le + "\"} " + count
                + "\n";
    }
}
