package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ticketing.infra.stack.ServiceName;
import org.junit.jupiter.api.Test;

class RoutingAndOutageIT {

    /** One path per route of the contract, with the service behind it. */
    private static final Map<String, ServiceName> ROUTES = Map.of(
            "/api/v1/queue/tokens/me", ServiceName.QUEUE,
            "/api/v1/concerts", ServiceName.CONCERT,
            "/api/v1/admin/concerts", ServiceName.CONCERT,
            "/api/v1/reservations/00000000-0000-0000-0000-000000000000", ServiceName.RESERVATION,
            "/api/v1/balance", ServiceName.PAYMENT,
            "/api/v1/payments/00000000-0000-0000-0000-000000000000", ServiceName.PAYMENT);

    /** The gateway's circuit breaker time limit; a stopped service must be reported well within it. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private final HttpApi api = SystemUnderTest.api();

    @Test
    void everyRouteReachesItsService() {
        ROUTES.forEach((path, service) -> {
            long before = ServedRequests.of(service);

            HttpApi.Response response = api.get(path);

            assertThat(response.status()).as(path).isLessThan(500);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(ServedRequests.of(service)).as(path + " served by " + service.module()).isGreaterThan(before));
        });
    }

    @Test
    void aStoppedServiceAnswers503OnItsRoutesOnlyAndRecoversWhenStartedAgain() {
        ServiceName stopped = ServiceName.PAYMENT;
        List<String> itsPaths = ROUTES.entrySet().stream().filter(e -> e.getValue() == stopped).map(Map.Entry::getKey).toList();
        List<String> otherPaths = ROUTES.entrySet().stream().filter(e -> e.getValue() != stopped).map(Map.Entry::getKey).toList();

        SystemUnderTest.stack().stopService(stopped);
        try {
            assertThat(SystemUnderTest.stack().isRunning(stopped)).isFalse();
            for (String path : itsPaths) {
                HttpApi.Response response = api.get(path);
                assertThat(response.status()).as(path).isEqualTo(503);
                assertThat(response.isProblem()).as(path).isTrue();
                assertThat(response.code()).as(path).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.took()).as(path).isLessThan(TIME_LIMIT);
            }
            for (String path : otherPaths) {
                assertThat(api.get(path).status()).as(path).isNotIn(502, 503, 504);
            }
        } finally {
            SystemUnderTest.stack().startService(stopped);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                itsPaths.forEach(path -> assertThat(api.get(path).status()).as(path).isNotIn(502, 503, 504)));
    }
}
