package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The whole journey per user, every step a named request: join, poll until ACTIVE, dates, seats, hold a free seat
 * (another one after a 409, up to -Dhold.attempts, default 5), charge the seat's price, pay, then poll the
 * reservation until CONFIRMED. Paying expires the token (DESIGN.md section 4), so a 401 on that poll is expected:
 * the user joins again and reads the reservation with the new (WAITING) token, as the contract says.
 * The booking steps (dates, seats, hold, charge, pay) retry a deliberate shed after its Retry-After, up to
 * -Dshed.retries (default 10) times ({@link ShedRetry}), as a client should; sheds are counted apart from 5xx.
 * Zero errors is the expectation: run it with -Dstrict=true. Prints journeys per second, the sheds and 5xx per
 * step, and p50/p99 per booking step at the end.
 */
public class JourneySimulation extends Simulation {

    private static final Duration CONFIRMATION_POLL = Duration.ofMillis(200);

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties(500);
    private final int holdAttempts = Integer.getInteger("hold.attempts", 5);
    private final int shedRetries = Integer.getInteger("shed.retries", 10);
    private final Tally tally = new Tally();
    private final Tally answers = new Tally();
    private final StepTimes times = new StepTimes();
    private final AtomicLong firstJoinNanos = new AtomicLong();
    private final AtomicLong lastConfirmedNanos = new AtomicLong();

    {
        System.out.println("[benchmark] JourneySimulation " + settings.describe() + " hold.attempts=" + holdAttempts
                + " shed.retries=" + shedRetries);
        ShedRetry client = new ShedRetry(answers, times, shedRetries);
        QueueSteps queue = new QueueSteps(settings, new Catalog(settings).concertFor(settings.users()), tally);
        String dates = "/api/v1/concerts/" + queue.concertId() + "/dates";

        // One attempt: list the dates, pick one, list its seats, hold a random AVAILABLE one if there is any.
        ChainBuilder tryToHold = exec(session -> session.remove("seatNumber"))
                .exec(client.send("dates", queue.authorized(http("dates").get(dates)),
                        status().is(200), jsonPath("$[*].date").findRandom().saveAs("date")))
                .exec(client.send("seats", queue.authorized(http("seats").get(dates + "/#{date}/seats")),
                        status().is(200),
                        jsonPath("$[?(@.status == 'AVAILABLE')].seatNumber").ofInt().findRandom().optional()
                                .saveAs("seatNumber")))
                .doIf(session -> session.contains("seatNumber") && !session.isFailed()).then(
                        client.send("hold", queue.authorized(http("hold").post("/api/v1/reservations")
                                        .body(StringBody("{\"concertId\":\"" + queue.concertId()
                                                + "\",\"date\":\"#{date}\",\"seatNumber\":#{seatNumber}}"))),
                                status().in(201, 409),
                                jsonPath("$.reservationId").optional().saveAs("reservationId"),
                                jsonPath("$.price").optional().saveAs("price")));

        // One Idempotency-Key per charge and per payment, kept across shed retries: a retry never charges twice.
        ChainBuilder chargeAndPay = exec(session -> session.set("chargeKey", UUID.randomUUID().toString())
                        .set("payKey", UUID.randomUUID().toString()))
                .exec(client.send("charge", queue.authorized(http("charge").post("/api/v1/balance/charges")
                                .header("Idempotency-Key", "#{chargeKey}")
                                .body(StringBody("{\"amount\":#{price}}"))),
                        status().is(200)))
                .exitHereIfFailed()
                .exec(client.send("pay", queue.authorized(http("pay").post("/api/v1/payments")
                                .header("Idempotency-Key", "#{payKey}")
                                .body(StringBody("{\"reservationId\":\"#{reservationId}\"}"))),
                        status().is(201), jsonPath("$.status").is("COMPLETED")))
                .exitHereIfFailed();

        ChainBuilder untilConfirmed = asLongAsDuring(session -> !confirmed(session), settings.maxWait()).on(
                pause(CONFIRMATION_POLL)
                        .exec(session -> session.remove("reservationStatus"))
                        .exec(queue.authorized(http("reservation until confirmed")
                                        .get("/api/v1/reservations/#{reservationId}"))
                                .check(status().in(200, 401).saveAs("reservationHttpStatus"))
                                .checkIf((response, session) -> response.status().code() == 200)
                                .then(jsonPath("$.status").saveAs("reservationStatus")))
                        .exitHereIfFailed()
                        .doIf(session -> session.getInt("reservationHttpStatus") == 401).then(exec(session -> {
                            tally.count("token expired after payment: joined again");
                            return session;
                        }).exec(queue.rejoin("join again after payment")).exitHereIfFailed()));

        ScenarioBuilder journey = scenario("journey").group("journey").on(
                exec(session -> {
                    firstJoinNanos.compareAndSet(0, System.nanoTime());
                    return session;
                })
                        .exec(queue.join("join")).exitHereIfFailed()
                        .exec(queue.pollUntilActive()).exitHereIfFailed()
                        .repeat(holdAttempts).on(doIf(session -> !session.contains("reservationId") && !session.isFailed())
                                .then(tryToHold))
                        .exitHereIfFailed()
                        .exec(session -> failUnless(session, session.contains("reservationId"),
                                "no seat held after hold.attempts"))
                        .exitHereIfFailed()
                        .exec(chargeAndPay)
                        .exec(untilConfirmed)
                        .exec(session -> failUnless(session, confirmed(session), "not CONFIRMED within max.wait"))
                        .exitHereIfFailed()
                        .exec(session -> {
                            tally.count("journeys completed");
                            lastConfirmedNanos.accumulateAndGet(System.nanoTime(), Math::max);
                            return session;
                        }));

        settings.bounded(setUp(journey.injectOpen(settings.arrivals())).protocols(queue.protocol()),
                details("journey").failedRequests().count().is(0L));
    }

    private static boolean confirmed(Session session) {
        return "CONFIRMED".equals(session.getString("reservationStatus"));
    }

    private Session failUnless(Session session, boolean ok, String outcome) {
        if (ok) {
            return session;
        }
        tally.count(outcome);
        return session.markAsFailed();
    }

    @Override
    public void after() {
        tally.print("JourneySimulation outcomes (per-step p50/p95/p99: bash load-tests/gatling-table.sh)");
        long completed = tally.get("journeys completed");
        long elapsedNanos = lastConfirmedNanos.get() - firstJoinNanos.get();
        double perSecond = completed == 0 || elapsedNanos <= 0 ? 0 : completed / (elapsedNanos / 1e9);
        System.out.printf("[benchmark]   %-40s %10.1f%n", "journeys per second (first join -> last CONFIRMED)", perSecond);
        System.out.printf("[benchmark]   %-40s %10d%n", "5xx answers in booking steps", answers.sumStartingWith("5xx: "));
        System.out.printf("[benchmark]   %-40s %10d%n", "sheds (retried after Retry-After)", answers.sumStartingWith("shed: "));
        answers.print("JourneySimulation answers of the booking steps: sheds and 5xx by step");
        System.out.println("[benchmark] JourneySimulation response times per booking step (sheds left out)");
        times.print(List.of("dates", "seats", "hold", "charge", "pay"));
    }
}
