package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The admitted crowd: each user joins, polls until ACTIVE, lists dates and the seats of a random date -Dreads times
 * (default 5; the seat listing is the hottest read), then tries to hold a random seat up to -Dhold.attempts times
 * (default 3) until one answers 201. 201 and 409 are both expected outcomes (counted apart at the end); anything
 * else, 5xx above all, is an error. Needs QUEUE_MAX_ACTIVE at least -Dusers (README.md).
 */
public class SeatsAndHoldsSimulation extends Simulation {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties(2000);
    private final int reads = Integer.getInteger("reads", 5);
    private final int holdAttempts = Integer.getInteger("hold.attempts", 3);
    private final Tally tally = new Tally();

    {
        System.out.println("[benchmark] SeatsAndHoldsSimulation " + settings.describe()
                + " reads=" + reads + " hold.attempts=" + holdAttempts);
        QueueSteps queue = new QueueSteps(settings, new Catalog(settings).concertFor(settings.users()), tally);
        String dates = "/api/v1/concerts/" + queue.concertId() + "/dates";

        ChainBuilder browse = exec(queue.authorized(http("dates").get(dates))
                        .check(status().is(200), jsonPath("$[*].date").findRandom().saveAs("date")))
                .exitHereIfFailed()
                .exec(queue.authorized(http("seats").get(dates + "/#{date}/seats"))
                        .check(status().is(200), jsonPath("$[*].seatNumber").count().is(50)));

        ChainBuilder holdRandomSeat = exec(session -> session
                        .remove("holdStatus").remove("problemCode")
                        .set("seatNumber", ThreadLocalRandom.current().nextInt(1, 51)))
                .exec(queue.authorized(http("hold").post("/api/v1/reservations")
                                .body(StringBody("{\"concertId\":\"" + queue.concertId()
                                        + "\",\"date\":\"#{date}\",\"seatNumber\":#{seatNumber}}")))
                        // The status is saved first so that it is kept even when the next check fails.
                        .check(status().saveAs("holdStatus"), status().in(201, 409),
                                jsonPath("$.code").optional().saveAs("problemCode")))
                .exec(this::countHold);

        ScenarioBuilder crowd = scenario("seats and holds")
                .exec(queue.join("join"))
                .exec(queue.pollUntilActive())
                .exitHereIfFailed()
                .repeat(reads).on(browse)
                .repeat(holdAttempts).on(doIf(session -> !held(session)).then(holdRandomSeat));

        settings.bounded(setUp(crowd.injectOpen(settings.arrivals())).protocols(queue.protocol()));
    }

    private Session countHold(Session session) {
        if (!session.contains("holdStatus")) {
            tally.count("hold: no response");
            return session;
        }
        int status = session.getInt("holdStatus");
        String code = session.contains("problemCode") ? " " + session.getString("problemCode") : "";
        tally.count("hold: " + status + (status == 201 ? "" : code));
        return session;
    }

    private static boolean held(Session session) {
        return session.contains("holdStatus") && session.getInt("holdStatus") == 201;
    }

    @Override
    public void after() {
        tally.print("SeatsAndHoldsSimulation outcomes (201 and 409 are expected; 5xx are errors)");
    }
}
