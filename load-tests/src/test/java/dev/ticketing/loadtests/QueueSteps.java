package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The queue part every scenario starts with (DESIGN.md section 4): join with a new userId, then poll with the
 * latest token. Through the gateway the token is sent as a Bearer; against queue-service directly (-Ddirect=true)
 * the identity headers the gateway would set are added from the token's own claims.
 */
final class QueueSteps {

    static final String STATUS = "queueStatus";

    private final BenchmarkSettings settings;
    private final String concertId;
    private final Tally tally;

    QueueSteps(BenchmarkSettings settings, String concertId, Tally tally) {
        this.settings = settings;
        this.concertId = concertId;
        this.tally = tally;
    }

    String concertId() {
        return concertId;
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(settings.baseUrl().toString())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("ticketing-load-tests")
                // Gatling's default warm-up calls a public site; a benchmark here talks to this machine only.
                .disableWarmUp();
    }

    /** Joins with a fresh userId. A failed join leaves the session failed; the caller decides how to leave. */
    ChainBuilder join(String requestName) {
        return newUser()
                .exec(rejoin(requestName))
                .exec(withIdentityOnceJoined());
    }

    /** Joins again as the same user (a new token after the old one expired, e.g. after paying). */
    HttpRequestActionBuilder rejoin(String requestName) {
        return joinRequest(requestName)
                .check(status().is(201), jsonPath("$.token").saveAs("token"), jsonPath("$.status").saveAs(STATUS));
    }

    /** A new random userId in the session, for {@link #joinRequest}. */
    ChainBuilder newUser() {
        return feed(newUsers());
    }

    /** POST /queue/tokens as the session's userId, without checks: the caller adds its own. */
    HttpRequestActionBuilder joinRequest(String requestName) {
        return http(requestName).post("/api/v1/queue/tokens")
                .body(StringBody("{\"userId\":\"#{userId}\",\"concertId\":\"" + concertId + "\"}"));
    }

    /** Reads the identity claims of the session's token, if a join gave it one (see {@link QueueToken}). */
    ChainBuilder withIdentityOnceJoined() {
        return doIf(session -> session.contains("token")).then(exec(QueueToken::withIdentity));
    }

    /** Adds the caller's identity: the Bearer token, and in direct mode the headers the gateway would set. */
    HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
        HttpRequestActionBuilder withToken = request.header("Authorization", "Bearer #{token}");
        if (!settings.direct()) {
            return withToken;
        }
        return withToken
                .header("X-User-Id", "#{" + QueueToken.USER_ID + "}")
                .header("X-Concert-Id", "#{" + QueueToken.CONCERT_ID + "}")
                .header("X-Token-Id", "#{" + QueueToken.TOKEN_ID + "}");
    }

    /** One GET /queue/tokens/me; keeps the latest token, since it changes when the user becomes ACTIVE. */
    HttpRequestActionBuilder poll(String requestName) {
        return pollRequest(requestName)
                .check(status().is(200), jsonPath("$.token").saveAs("token"), jsonPath("$.status").saveAs(STATUS));
    }

    /** GET /queue/tokens/me with the session's token, without checks: the caller adds its own. */
    HttpRequestActionBuilder pollRequest(String requestName) {
        return authorized(http(requestName).get("/api/v1/queue/tokens/me"));
    }

    /**
     * Polls every poll.interval.ms until ACTIVE. Stops at the first failed poll; a user still not admitted after
     * max.wait is counted and its session marked failed. The caller decides how to leave (exitHereIfFailed).
     */
    ChainBuilder pollUntilActive() {
        return asLongAsDuring(session -> !isActive(session) && !session.isFailed(), settings.maxWait()).on(
                        pause(settings.pollInterval()).exec(poll("poll until active")))
                .doIf(session -> !isActive(session) && !session.isFailed()).then(exec(session -> {
                    tally.count("not admitted within max.wait");
                    return session.markAsFailed();
                }));
    }

    static boolean isActive(Session session) {
        return "ACTIVE".equals(session.getString(STATUS));
    }

    private static Iterator<Map<String, Object>> newUsers() {
        return Stream.generate(() -> Map.<String, Object>of("userId", UUID.randomUUID().toString())).iterator();
    }
}
