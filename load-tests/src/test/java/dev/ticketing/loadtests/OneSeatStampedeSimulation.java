package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * -Dusers (default 1000) ACTIVE users hold the SAME seat (-Dseat, default 1, on the first listed date) at the same
 * moment. Exactly one 201 is correct, every other answer must be 409 SEAT_UNAVAILABLE; a 5xx is an error. Prints
 * the count per status and the time from the release of the crowd to the last answer. Needs QUEUE_MAX_ACTIVE at
 * least -Dusers, or the users not admitted within max.wait give up and the stampede is smaller (printed).
 */
public class OneSeatStampedeSimulation extends Simulation {

    private static final Duration GATE_CHECK = Duration.ofMillis(20);

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties(1000);
    private final int seat = Integer.getInteger("seat", 1);
    private final Tally tally = new Tally();
    private final StampedeGate gate = new StampedeGate(settings.users());

    {
        System.out.println("[benchmark] OneSeatStampedeSimulation " + settings.describe() + " seat=" + seat);
        QueueSteps queue = new QueueSteps(settings, new Catalog(settings).concertFor(1), tally);
        String dates = "/api/v1/concerts/" + queue.concertId() + "/dates";

        ScenarioBuilder stampede = scenario("one seat stampede")
                .exec(queue.join("join"))
                .exec(queue.pollUntilActive())
                .doIf(session -> !session.isFailed()).then(exec(queue.authorized(http("dates").get(dates))
                        .check(status().is(200), jsonPath("$[0].date").saveAs("date"))))
                .exitHereIf(this::leaveUnlessReady)
                .exec(session -> {
                    gate.arrive();
                    return session;
                })
                .asLongAs(session -> !gate.isOpen()).on(pause(GATE_CHECK))
                .exec(queue.authorized(http("hold the same seat").post("/api/v1/reservations")
                                .body(StringBody("{\"concertId\":\"" + queue.concertId()
                                        + "\",\"date\":\"#{date}\",\"seatNumber\":" + seat + "}")))
                        .check(status().saveAs("holdStatus"), status().in(201, 409),
                                jsonPath("$.code").optional().saveAs("problemCode")))
                .exec(this::countHold);

        settings.bounded(setUp(stampede.injectOpen(settings.arrivals())).protocols(queue.protocol()));
    }

    @Override
    public void before() {
        // Every user has arrived by then or is not coming: the latest join plus the longest admission wait.
        gate.startClock(settings.duration().plus(settings.maxWait()).plusSeconds(10));
    }

    private boolean leaveUnlessReady(Session session) {
        boolean leave = session.isFailed() || !session.contains("date");
        if (leave) {
            gate.giveUp();
        }
        return leave;
    }

    private Session countHold(Session session) {
        gate.responseReceived();
        if (!session.contains("holdStatus")) {
            tally.count("hold: no response");
            return session;
        }
        int status = session.getInt("holdStatus");
        String code = session.contains("problemCode") ? " " + session.getString("problemCode") : "";
        tally.count("hold: " + status + (status == 201 ? "" : code));
        return session;
    }

    @Override
    public void after() {
        tally.print("OneSeatStampedeSimulation: " + gate.arrived() + " ACTIVE users released at once on seat " + seat);
        long winners = tally.get("hold: 201");
        System.out.printf("[benchmark]   %-40s %10d ms%n", "time to settle (release -> last answer)",
                gate.settleTime().toMillis());
        System.out.println("[benchmark]   " + (winners == 1
                ? "exactly one hold won: correct"
                : "EXPECTED exactly one 201, got " + winners + (winners > 1 ? " (double booking!)" : "")));
    }
}
