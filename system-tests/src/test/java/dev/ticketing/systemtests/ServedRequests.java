package dev.ticketing.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.ticketing.infra.stack.ServiceName;

/**
 * How many non-actuator HTTP requests a service has served, read from its own Prometheus endpoint: proof that a
 * request sent to the gateway arrived at that service and not somewhere else.
 */
final class ServedRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServedRequests() {
    }

    static long of(ServiceName service) {
        String url = SystemUnderTest.stack().serviceUrl(service) + "/actuator/prometheus";
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.lines()
                    .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                    .filter(line -> !line.contains("uri=\"/actuator"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read metrics of " + service.module(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
