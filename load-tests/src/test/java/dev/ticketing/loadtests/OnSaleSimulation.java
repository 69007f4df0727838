package dev.ticketing.loadtests;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * An on-sale: -Dusers fans (default 3,000) arrive over -Dduration seconds at one fresh concert of -Ddates dates
 * (default 4, so 200 seats: sold out long before the crowd is through) and behave as real clients do, against the
 * queue settings the stack runs with (meant: the defaults). Each joins, then polls waiting exactly the
 * {@code pollAfterSeconds} of the last answer until ACTIVE or -Dmax.wait; once ACTIVE lists the dates and a date's
 * seats, holds a random AVAILABLE seat (another after a 409, listing again when the listing is used up), charges
 * the price and pays, both with an Idempotency-Key. A shed is retried after Retry-After ({@link ShedRetry}).
 * Prints each fan's outcome, 5xx and sheds apart, p50/p99 per step, the sale's pace and the most ACTIVE at once
 * ({@link OnSaleReport}).
 */
public class OnSaleSimulation extends Simulation {

    private static final String DATES = "dates";
    private static final String SEATS = "availableSeats";
    private static final String RESERVATION = "reservationId";
    private static final String HOLDS = "holds";
    private static final String ROUNDS = "rounds";
    private static final String WAIT_UNTIL = "waitUntilNanos";
    private static final String POLL_AFTER = "pollAfterSeconds";
    private static final String CLIENT_ADDRESS = "clientAddress";

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties(3000);
    private final int dates = Integer.getInteger("dates", 4);
    private final int holdAttempts = Integer.getInteger("hold.attempts", 20);
    private final AtomicInteger fanNumbers = new AtomicInteger();
    private final int shedRetries = Integer.getInteger("shed.retries", 10);
    private final URI queueMetrics = BenchmarkSettings.loopback("queue.metrics.url",
            System.getProperty("queue.metrics.url", BenchmarkSettings.QUEUE_SERVICE + "/actuator/prometheus"));
    private final OnSaleReport report;
    private final ShedRetry client;

    {
        System.out.println("[benchmark] OnSaleSimulation " + settings.describe() + " dates=" + dates
                + " hold.attempts=" + holdAttempts + " shed.retries=" + shedRetries + " queue.metrics.url=" + queueMetrics);
        String concertId = pickConcert();
        report = new OnSaleReport(settings.users(), concertId,
                settings.concertId() == null ? dates * Catalog.SEATS_PER_DATE : -1,
                new QueueActiveGauge(queueMetrics, concertId), gatewayTimes());
        client = new ShedRetry(report.answers(), report.times(), shedRetries);
        QueueSteps queue = new QueueSteps(settings, concertId, report.answers());

        ScenarioBuilder fans = scenario("on-sale")
                .exec(join(queue))
                .doIf(session -> !session.isFailed()).then(waitForAdmission(queue))
                .doIf(session -> !session.isFailed() && QueueSteps.isActive(session)).then(exec(findAndHold(queue))
                        .doIf(session -> !session.isFailed() && session.contains(RESERVATION))
                        .then(chargeAndPay(queue)))
                .exec(report::finish);

        settings.bounded(setUp(fans.injectOpen(settings.arrivals())).protocols(queue.protocol()));
    }

    /** The gateway's own measure of each step; none when the run goes straight to the services (-Ddirect). */
    private Optional<GatewayTimes> gatewayTimes() {
        if (settings.direct()) {
            return Optional.empty();
        }
        String dates = "/api/v1/concerts/{concertId}/dates";
        return Optional.of(new GatewayTimes(URI.create(settings.baseUrl() + "/actuator/prometheus"),
                new GatewayTimes.Route("join", "POST", "/api/v1/queue/tokens"),
                new GatewayTimes.Route("poll", "GET", "/api/v1/queue/tokens/me"),
                new GatewayTimes.Route("dates", "GET", dates),
                new GatewayTimes.Route("seats", "GET", dates + "/*/seats"),
                new GatewayTimes.Route("hold", "POST", "/api/v1/reservations"),
                new GatewayTimes.Route("charge", "POST", "/api/v1/balance/charges"),
                new GatewayTimes.Route("pay", "POST", "/api/v1/payments")));
    }

    /** A fresh concert the crowd oversells; -Dconcert.id only when told (its capacity is then unknown). */
    private String pickConcert() {
        Catalog catalog = new Catalog(settings);
        if (settings.concertId() != null) {
            return catalog.concertFor(0);
        }
        if (settings.adminKey() == null) {
            throw new IllegalStateException("OnSaleSimulation sells out a fresh concert: pass -Dadmin.key=<the stack's"
                    + " ADMIN_KEY> (or -Dconcert.id=... to sell an existing one)");
        }
        return catalog.createConcert(dates);
    }

    /**
     * Each fan joins from an address of its own, as a crowd does: {@code X-Forwarded-For} with an address of the
     * benchmarking range 198.18.0.0/15, which the gateway believes only when it runs behind a trusted proxy
     * ({@code TRUSTED_PROXY_HOPS=1}, load-tests/README.md). Otherwise every fan is 127.0.0.1 to the per-address join
     * limit, and the run measures that limit instead of the on-sale.
     */
    private ChainBuilder join(QueueSteps queue) {
        return queue.newUser()
                .exec(session -> report.joined(session)
                        .set(WAIT_UNTIL, System.nanoTime() + settings.maxWait().toNanos())
                        .set(CLIENT_ADDRESS, clientAddress(fanNumbers.getAndIncrement())))
                .exec(client.send("join", queue.joinRequest("join").header("X-Forwarded-For", "#{" + CLIENT_ADDRESS
                                + "}"), status().is(201),
                        jsonPath("$.token").saveAs("token"), jsonPath("$.status").saveAs(QueueSteps.STATUS),
                        jsonPath("$.pollAfterSeconds").ofLong().optional().saveAs(POLL_AFTER)))
                .exec(queue.withIdentityOnceJoined())
                .exec(report::noteIfActive);
    }

    /** The n-th address of 198.18.0.0/15 (131,072 of them), skipping each /24's .0 and .255. */
    static String clientAddress(int n) {
        int host = n % 254 + 1;
        int subnet = n / 254 % 512;
        return "198." + (18 + subnet / 256) + "." + subnet % 256 + "." + host;
    }

    /**
     * Polls as told until ACTIVE: each pause is the last answer's pollAfterSeconds, cut short only by max.wait, at
     * which the fan stops without polling again. A 401 (place lost) ends the wait: the fan gives up.
     */
    private ChainBuilder waitForAdmission(QueueSteps queue) {
        return asLongAs(session -> isWaiting(session) && !session.isFailed() && waitLeft(session) > 0).on(
                pause(session -> Duration.ofNanos(Math.min(pollAfter(session).toNanos(), waitLeft(session))))
                        .doIf(session -> waitLeft(session) > 0).then(
                                exec(session -> session.remove(QueueSteps.STATUS))
                                        .exec(client.send("poll", queue.pollRequest("poll"), status().in(200, 401),
                                                jsonPath("$.token").optional().saveAs("token"),
                                                jsonPath("$.status").optional().saveAs(QueueSteps.STATUS),
                                                jsonPath("$.pollAfterSeconds").ofLong().optional().saveAs(POLL_AFTER)))
                                        .exec(report::noteIfActive)));
    }

    /**
     * Lists the dates, then a random date's seats, then holds a random AVAILABLE seat of that listing; a 409 takes
     * the next seat of the same listing, an exhausted listing the next date, exhausted dates a new date listing.
     * An empty date listing is "sold out". Bounded by hold.attempts holds.
     */
    private ChainBuilder findAndHold(QueueSteps queue) {
        String datesPath = "/api/v1/concerts/" + queue.concertId() + "/dates";
        ChainBuilder listDates = exec(session -> session.remove(DATES))
                .exec(client.send("dates", queue.authorized(http("dates").get(datesPath)), status().is(200),
                        jsonPath("$[*].date").findAll().optional().saveAs(DATES)))
                .exec(session -> session.isFailed() || !isEmpty(session, DATES) ? session : report.soldOut(session));
        ChainBuilder listSeats = exec(session -> takeRandom(session, DATES, "date").remove(SEATS))
                .exec(client.send("seats", queue.authorized(http("seats").get(datesPath + "/#{date}/seats")),
                        status().is(200),
                        jsonPath("$[?(@.status == 'AVAILABLE')].seatNumber").ofInt().findAll().optional().saveAs(SEATS)));
        ChainBuilder hold = exec(session -> takeRandom(session, SEATS, "seatNumber")
                        .set(HOLDS, session.getInt(HOLDS) + 1).remove("problemCode"))
                .exec(client.send("hold", queue.authorized(http("hold").post("/api/v1/reservations")
                                .body(StringBody("{\"concertId\":\"" + queue.concertId()
                                        + "\",\"date\":\"#{date}\",\"seatNumber\":#{seatNumber}}"))),
                        status().in(201, 409),
                        jsonPath("$.reservationId").optional().saveAs(RESERVATION),
                        jsonPath("$.price").optional().saveAs("price"),
                        jsonPath("$.code").optional().saveAs("problemCode")))
                .exec(report::countHold);

        return exec(session -> session.set(HOLDS, 0).set(ROUNDS, 0))
                .exec(listDates)
                .asLongAs(session -> !session.isFailed() && !session.contains(RESERVATION) && !report.isSoldOut(session)
                        && session.getInt(HOLDS) < holdAttempts && session.getInt(ROUNDS) < 4 * holdAttempts).on(
                        exec(session -> session.set(ROUNDS, session.getInt(ROUNDS) + 1))
                                .doIf(session -> isEmpty(session, SEATS) && isEmpty(session, DATES)).then(listDates)
                                .doIf(session -> !session.isFailed() && isEmpty(session, SEATS) && !isEmpty(session, DATES))
                                .then(listSeats)
                                .doIf(session -> !session.isFailed() && !isEmpty(session, SEATS)).then(hold));
    }

    /** One Idempotency-Key per intended charge and payment, the same on every retry of it (docs/gateway.md). */
    private ChainBuilder chargeAndPay(QueueSteps queue) {
        return exec(session -> session.set("chargeKey", UUID.randomUUID().toString())
                        .set("paymentKey", UUID.randomUUID().toString()))
                .exec(client.send("charge", queue.authorized(http("charge").post("/api/v1/balance/charges")
                                .header("Idempotency-Key", "#{chargeKey}")
                                .body(StringBody("{\"amount\":#{price}}"))),
                        status().is(200)))
                .doIf(session -> !session.isFailed()).then(exec(
                        client.send("pay", queue.authorized(http("pay").post("/api/v1/payments")
                                        .header("Idempotency-Key", "#{paymentKey}")
                                        .body(StringBody("{\"reservationId\":\"#{reservationId}\"}"))),
                                status().is(201), jsonPath("$.status").is("COMPLETED")))
                        .exec(report::paid));
    }

    @Override
    public void before() {
        report.startSampling();
    }

    @Override
    public void after() {
        report.print();
    }

    private static boolean isWaiting(Session session) {
        return "WAITING".equals(session.getString(QueueSteps.STATUS));
    }

    private long waitLeft(Session session) {
        return session.getLong(WAIT_UNTIL) - System.nanoTime();
    }

    private Duration pollAfter(Session session) {
        return session.contains(POLL_AFTER) ? Duration.ofSeconds(session.getLong(POLL_AFTER)) : settings.pollInterval();
    }

    private static boolean isEmpty(Session session, String listKey) {
        return !session.contains(listKey) || session.getList(listKey).isEmpty();
    }

    /** Moves a random element of the list {@code from} into {@code to}; the list keeps the others. */
    private static Session takeRandom(Session session, String from, String to) {
        List<Object> left = new ArrayList<>(session.getList(from));
        Object taken = left.remove(ThreadLocalRandom.current().nextInt(left.size()));
        return session.set(from, left).set(to, taken);
    }
}
