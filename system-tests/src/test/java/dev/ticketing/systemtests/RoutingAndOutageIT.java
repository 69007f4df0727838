package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ticketing.infra.stack.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests carry an ACTIVE token, as a client's would, so that the gateway lets them through to a service. */
class RoutingAndOutageIT {

    private static Fan fan;

    /** One path per route of the contract, with the service behind it. */
    private static Map<String, ServiceName> ROUTES;

    /** The gateway's circuit breaker time limit; a stopped service must be reported well within it. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    @BeforeAll
    static void anAdmittedFan() {
        Concerts.Concert concert = Concerts.create("routing");
        fan = new Fan().join(concert.concertId()).awaitActive();
        ROUTES = Map.of(
                "/api/v1/queue/tokens/me", ServiceName.QUEUE,
                "/api/v1/concerts", ServiceName.CONCERT,
                "/api/v1/concerts/" + concert.concertId() + "/dates", ServiceName.CONCERT,
                "/api/v1/admin/concerts", ServiceName.CONCERT,
                "/api/v1/admin/analytics/concerts", ServiceName.ANALYTICS,
                "/api/v1/reservations/00000000-0000-0000-0000-000000000000", ServiceName.RESERVATION,
                "/api/v1/balance", ServiceName.PAYMENT,
                "/api/v1/payments/00000000-0000-0000-0000-000000000000", ServiceName.PAYMENT);
    }

    @Test
    void everyRouteReachesItsService() {
        ROUTES.forEach((path, service) -> {
            long before = ServedRequests.of(service);

            HttpApi.Response response = fan.get(path);

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
                HttpApi.Response response = fan.get(path);
                assertThat(response.status()).as(path).isEqualTo(503);
                assertThat(response.isProblem()).as(path).isTrue();
                assertThat(response.code()).as(path).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.took()).as(path).isLessThan(TIME_LIMIT);
            }
            for (String path : otherPaths) {
                assertThat(fan.get(path).status()).as(path).isNotIn(502, 503, 504);
            }
        } finally {
            SystemUnderTest.stack().startService(stopped);
        }

        // Back once its routes answer and the gateway's breaker, opened by the outage, is closed again (the tests
        // after this one need the service, and trial calls made while it was starting can open the breaker again).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            itsPaths.forEach(path -> assertThat(fan.get(path).status()).as(path).isNotIn(502, 503, 504));
            assertThat(GatewayBreakers.closed(stopped)).as("the gateway's breaker for " + stopped.module()).isTrue();
        });
    }
}
