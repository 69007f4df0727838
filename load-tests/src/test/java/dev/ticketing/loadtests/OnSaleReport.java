package dev.ticketing.loadtests;

import io.gatling.javaapi.core.Session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What OnSaleSimulation counts while it runs and prints at the end: one outcome per fan, the answers Gatling does
 * not break down (sheds, 5xx, hold statuses), response times per step, the sale's pace, and the most ACTIVE fans
 * at once, both as the fans see it ({@link ActiveFans}) and as queue-service counts it ({@link QueueActiveGauge}).
 */
final class OnSaleReport {

    static final List<String> STEPS = List.of("join", "poll", "dates", "seats", "hold", "charge", "pay");

    private static final String COMPLETED = "journey completed (paid)";
    private static final String SOLD_OUT = "sold out (no seat left anywhere)";
    private static final String STILL_WAITING = "still waiting with a valid position";
    private static final String GAVE_UP = "gave up: ";
    private static final String FAILED = "admitted, then failed: ";
    private static final String WAS_ACTIVE = "wasActive";
    private static final String SAW_SOLD_OUT = "sawSoldOut";
    private static final String PAID = "paid";

    private final int users;
    private final String concertId;
    private final int seats;
    private final QueueActiveGauge gauge;
    private final Optional<GatewayTimes> gatewayTimes;
    private final Tally outcomes = new Tally();
    private final Tally answers = new Tally();
    private final StepTimes times = new StepTimes();
    private final ActiveFans activeFans = new ActiveFans();
    private final AtomicInteger sold = new AtomicInteger();
    private final AtomicLong firstJoinNanos = new AtomicLong();
    private final AtomicLong firstSaleNanos = new AtomicLong();
    private final AtomicLong lastSaleNanos = new AtomicLong();
    private volatile boolean soldOutSeen;

    /** {@code seats}: the concert's capacity, -1 when unknown (an existing concert). */
    OnSaleReport(int users, String concertId, int seats, QueueActiveGauge gauge, Optional<GatewayTimes> gatewayTimes) {
        this.users = users;
        this.concertId = concertId;
        this.seats = seats;
        this.gauge = gauge;
        this.gatewayTimes = gatewayTimes;
    }

    Tally answers() {
        return answers;
    }

    StepTimes times() {
        return times;
    }

    void startSampling() {
        gauge.start();
        gatewayTimes.ifPresent(GatewayTimes::start);
    }

    Session joined(Session session) {
        firstJoinNanos.compareAndSet(0, System.nanoTime());
        return session;
    }

    Session noteIfActive(Session session) {
        if (!QueueSteps.isActive(session) || session.contains(WAS_ACTIVE)) {
            return session;
        }
        activeFans.enter();
        return session.set(WAS_ACTIVE, true);
    }

    Session soldOut(Session session) {
        soldOutSeen = true;
        return session.set(SAW_SOLD_OUT, true);
    }

    boolean isSoldOut(Session session) {
        return session.contains(SAW_SOLD_OUT);
    }

    /** 201 and 409 SEAT_UNAVAILABLE are the expected answers; any other 409 (HOLD_LIMIT) ends the attempt. */
    Session countHold(Session session) {
        if (!session.contains(ShedRetry.HTTP_STATUS)) {
            return session;
        }
        int status = session.getInt(ShedRetry.HTTP_STATUS);
        String code = session.contains("problemCode") ? " " + session.getString("problemCode") : "";
        answers.count("hold: " + status + code);
        return status == 409 && !" SEAT_UNAVAILABLE".equals(code) ? session.markAsFailed() : session;
    }

    Session paid(Session session) {
        if (session.isFailed()) {
            return session;
        }
        long now = System.nanoTime();
        sold.incrementAndGet();
        firstSaleNanos.compareAndSet(0, now);
        lastSaleNanos.accumulateAndGet(now, Math::max);
        return session.set(PAID, true);
    }

    /** The last step of every fan, whatever happened before: its outcome, and it is no longer ACTIVE. */
    Session finish(Session session) {
        if (session.contains(WAS_ACTIVE)) {
            activeFans.leave();
        }
        outcomes.count(outcomeOf(session));
        return session;
    }

    private static String outcomeOf(Session session) {
        String lastStep = session.contains(ShedRetry.LAST_STEP) ? session.getString(ShedRetry.LAST_STEP) : "join";
        if (session.contains(PAID)) {
            return COMPLETED;
        }
        if (session.contains(SAW_SOLD_OUT)) {
            return SOLD_OUT;
        }
        if (session.contains(WAS_ACTIVE)) {
            return FAILED + (session.isFailed() ? "at " + lastStep : "no seat held within hold.attempts");
        }
        if (!session.isFailed() && "WAITING".equals(session.getString(QueueSteps.STATUS))) {
            return STILL_WAITING;
        }
        return GAVE_UP + (session.isFailed() ? lastStep + " failed" : "place lost (poll answered 401)");
    }

    void print() {
        gauge.stop();
        System.out.println();
        System.out.println("[benchmark] OnSaleSimulation: " + users + " fans, concert " + concertId
                + (seats > 0 ? " (" + seats + " seats)" : ""));
        line(COMPLETED, outcomes.get(COMPLETED));
        line(SOLD_OUT, outcomes.get(SOLD_OUT));
        line(STILL_WAITING, outcomes.get(STILL_WAITING));
        line("gave up", outcomes.sumStartingWith(GAVE_UP));
        line("admitted, then failed", outcomes.sumStartingWith(FAILED));
        line("not finished when maxDuration stopped the run", users - outcomes.sumStartingWith(""));
        line("5xx answers (must be 0)", answers.sumStartingWith("5xx"));
        line("sheds (503 Ticketing-Shed, retried after Retry-After)", answers.sumStartingWith("shed: "));
        outcomes.print("OnSaleSimulation outcomes, one per fan");
        answers.print("OnSaleSimulation answers: holds, sheds, 429s and 5xx by step");
        System.out.println("[benchmark] OnSaleSimulation response times per step (sheds left out)");
        times.print(STEPS);
        gatewayTimes.ifPresent(gateway -> {
            System.out.println("[benchmark] OnSaleSimulation response times per step as the gateway measured them"
                    + " (503 and 429 left out; without the load generator's own waits and connection set-up)");
            gateway.print();
        });
        System.out.println("[benchmark] OnSaleSimulation sale");
        printSale();
        line("most ACTIVE at once, the fans' own count", activeFans.most());
        line("most ACTIVE at once, queue-service gauge", gauge.describeMost());
    }

    private void printSale() {
        int count = sold.get();
        line("seats sold", count + (seats > 0 ? " of " + seats : ""));
        long span = lastSaleNanos.get() - firstSaleNanos.get();
        line("seats sold per second (first sale to last)",
                count > 1 && span > 0 ? String.format("%.1f", (count - 1) / (span / 1e9)) : "n/a");
        boolean soldOut = seats > 0 ? count >= seats : soldOutSeen;
        line("time from first sale to sold out", soldOut ? span / 1_000_000 + " ms" : "not sold out");
        line("time from first join to sold out",
                soldOut ? (lastSaleNanos.get() - firstJoinNanos.get()) / 1_000_000 + " ms" : "not sold out");
    }

    private static void line(String label, Object value) {
        System.out.printf("[benchmark]   %-56s %10s%n", label, value);
    }
}
