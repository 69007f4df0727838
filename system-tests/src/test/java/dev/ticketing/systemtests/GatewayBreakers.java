package dev.ticketing.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.ticketing.infra.stack.ServiceName;

/**
 * The gateway's circuit breaker for a service, read from the gateway's Prometheus endpoint. After an outage the
 * breaker stays open for 10 s, then lets five trial calls decide: one answer of 200 does not yet mean that the
 * service's routes are back, since trial calls made while the service was still starting can open it again.
 */
final class GatewayBreakers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayBreakers() {
    }

    /**
     * Sends {@code probePath} through the gateway until it answers 200 and the gateway's breaker for the service is
     * closed again (the probes are the trial calls that close it).
     */
    static void awaitRoutesBack(ServiceName service, String probePath) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                SystemUnderTest.api().get(probePath).status() == 200 && closed(service));
    }

    static boolean closed(ServiceName service) {
        String url = SystemUnderTest.stack().serviceUrl(ServiceName.GATEWAY) + "/actuator/prometheus";
        String name = "name=\"" + service.module() + "\"";
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines()
                    .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{"))
                    .filter(line -> line.contains(name) && line.contains("state=\"closed\""))
                    .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) == 1.0);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
