package dev.ticketing.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The fans' listings with many rows: a million reservations, payments and balance entries, 10,000 of each the
 * one fan's (seeded on the first run, see {@link ListingSeed}). Concurrent readers walk that fan's pages of 20
 * newest first, following {@code nextCursor} -Dpages deep (default 50, so down to row 1,000), straight at
 * reservation-service and payment-service as the gateway forwards them ({@code X-User-Id}); Gatling prints the
 * p50/p99 of each listing's page beside {@code GET /balance}, a one-row read on the same path, as the baseline
 * measured in the same run.
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=dev.ticketing.loadtests.ListingsSimulation</pre>
 * -Dusers (concurrent readers, default 8), -Dduration (seconds, default 30), -Dmariadb (default 127.0.0.1:3306).
 */
public class ListingsSimulation extends Simulation {

    private static final URI RESERVATIONS = BenchmarkSettings.loopback("reservation.url",
            System.getProperty("reservation.url", "http://127.0.0.1:8083"));
    private static final URI PAYMENTS = BenchmarkSettings.loopback("payment.url",
            System.getProperty("payment.url", "http://127.0.0.1:8084"));
    private static final URI CONCERTS = BenchmarkSettings.loopback("concert.url",
            System.getProperty("concert.url", BenchmarkSettings.CONCERT_SERVICE));
    private static final String MARIADB = System.getProperty("mariadb", "127.0.0.1:3306");

    private final int users = Integer.getInteger("users", 8);
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("duration", 30));
    private final int pages = Integer.getInteger("pages", 50);

    {
        if (!MARIADB.startsWith("127.0.0.1:") && !MARIADB.startsWith("localhost:")) {
            throw new IllegalArgumentException("-Dmariadb=" + MARIADB + " is refused: only this machine's database");
        }
        System.out.println("[benchmark] ListingsSimulation users=" + users + " duration=" + duration.toSeconds()
                + "s pages=" + pages + " mariadb=" + MARIADB + " fan=" + ListingSeed.FAN);
        try {
            new ListingSeed(MARIADB).seedIfMissing(CONCERTS);
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed (is a stack for benchmarking running?)", e);
        }

        ScenarioBuilder readers = scenario("listings").forever().on(
                exec(http("GET /balance (baseline)").get(PAYMENTS + "/api/v1/balance").check(status().is(200)))
                        .exec(walk("GET /reservations page", RESERVATIONS + "/api/v1/reservations"))
                        .exec(walk("GET /payments page", PAYMENTS + "/api/v1/payments"))
                        .exec(walk("GET /balance/history page", PAYMENTS + "/api/v1/balance/history")));

        HttpProtocolBuilder protocol = http.header("X-User-Id", ListingSeed.FAN).disableWarmUp().shareConnections();
        setUp(readers.injectClosed(constantConcurrentUsers(users).during(duration))).protocols(protocol)
                .maxDuration(duration.plusSeconds(30));
    }

    /** The first {@code pages} pages of a listing, each asked for with the previous page's cursor. */
    private ChainBuilder walk(String name, String url) {
        return exec(session -> session.remove("cursor")).repeat(pages).on(
                doIfOrElse(session -> session.contains("cursor"))
                        .then(exec(http(name).get(url + "?limit=20&cursor=#{cursor}").check(status().is(200),
                                jsonPath("$.nextCursor").saveAs("cursor"))))
                        .orElse(exec(http(name).get(url + "?limit=20").check(status().is(200),
                                jsonPath("$.nextCursor").saveAs("cursor")))));
    }
}
