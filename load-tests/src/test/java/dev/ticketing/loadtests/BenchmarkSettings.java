package dev.ticketing.loadtests;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * What a run is pointed at and how big it is, from -D system properties (the Gatling Maven plugin forwards them).
 * Every run is bounded: users arrive over {@code duration} seconds, and {@code maxDuration} stops the run even if
 * some users are still waiting. Targets other than this machine's loopback are refused, so a typo cannot turn a
 * benchmark into traffic towards someone else's server.
 */
record BenchmarkSettings(
        URI baseUrl,
        URI catalogUrl,
        int users,
        Duration duration,
        Duration maxDuration,
        boolean strict,
        boolean direct,
        String concertId,
        String adminKey,
        Duration pollInterval,
        Duration maxWait) {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String QUEUE_SERVICE = "http://127.0.0.1:8081";
    static final String CONCERT_SERVICE = "http://127.0.0.1:8082";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]", "::1");

    /** Reads the settings; {@code defaultUsers} is the scenario's own default for -Dusers. */
    static BenchmarkSettings fromSystemProperties(int defaultUsers) {
        boolean direct = Boolean.getBoolean("direct");
        URI baseUrl = loopback("base.url", System.getProperty("base.url", direct ? QUEUE_SERVICE : GATEWAY));
        // Without the gateway in front, the concert list comes from concert-service itself.
        URI catalogUrl = loopback("catalog.url",
                System.getProperty("catalog.url", direct ? CONCERT_SERVICE : baseUrl.toString()));
        int users = positive("users", Integer.getInteger("users", defaultUsers));
        Duration duration = Duration.ofSeconds(positive("duration", Integer.getInteger("duration", 30)));
        Duration maxDuration = Duration.ofSeconds(positive("maxDuration",
                Integer.getInteger("maxDuration", (int) duration.toSeconds() + 120)));
        return new BenchmarkSettings(baseUrl, catalogUrl, users, duration, maxDuration,
                Boolean.getBoolean("strict"), direct,
                blankToNull(System.getProperty("concert.id")), blankToNull(System.getProperty("admin.key")),
                Duration.ofMillis(positive("poll.interval.ms", Integer.getInteger("poll.interval.ms", 500))),
                Duration.ofSeconds(positive("max.wait", Integer.getInteger("max.wait", 60))));
    }

    /** The users arriving in a linear ramp over {@code duration}. */
    OpenInjectionStep arrivals() {
        return rampUsers(users).during(duration);
    }

    /**
     * Stops the run at {@code maxDuration}; with -Dstrict=true the run fails unless no request failed and the
     * {@code strictAlso} assertions hold. (Gatling's Java SetUp keeps only the last list of assertions given.)
     */
    Simulation.SetUp bounded(Simulation.SetUp run, Assertion... strictAlso) {
        run.maxDuration(maxDuration);
        if (strict) {
            List<Assertion> assertions = new ArrayList<>(List.of(global().failedRequests().count().is(0L)));
            assertions.addAll(List.of(strictAlso));
            run.assertions(assertions);
        }
        return run;
    }

    /** Printed at the start of every run, so a result can always be traced back to its settings. */
    String describe() {
        return "base.url=" + baseUrl + " catalog.url=" + catalogUrl + " users=" + users
                + " duration=" + duration.toSeconds() + "s maxDuration=" + maxDuration.toSeconds() + "s strict=" + strict
                + " direct=" + direct + " poll.interval.ms=" + pollInterval.toMillis() + " max.wait=" + maxWait.toSeconds() + "s"
                + (adminKey == null ? "" : " admin.key=(set)");
    }

    /** {@code value} as a URI if it points at this machine over plain HTTP; refused otherwise. */
    static URI loopback(String property, String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        String host = uri.getHost();
        boolean isLoopback = host != null && (host.startsWith("127.") || LOOPBACK_NAMES.contains(host));
        if (!"http".equals(uri.getScheme()) || !isLoopback) {
            throw new IllegalArgumentException(
                    "-D" + property + "=" + value + " is refused: benchmarks only target http://127.0.0.1 (this machine)");
        }
        return uri;
    }

    private static int positive(String property, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("-D" + property + " must be positive, was " + value);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
