package dev.ticketing.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady stream of fans through the gateway while a fault is injected: each joins a concert's queue, waits to be
 * admitted, charges the price, holds the next free seat and pays it (one in five walks away from the hold instead).
 * Every answer is kept, so a test can judge what clients saw during the fault, and every payment answered 201,
 * so it can check each one kept its seat. A fan told 503 (or who got no answer) does what the problem tells a
 * client: waits and asks again with the same token, for as long as the fault may last; a charge or payment told
 * 504 (outcome unknown) is asked again with the same {@code Idempotency-Key}, as documented clients do. A fan who
 * walked away during an outage would hold an ACTIVE slot until the idle timeout (2 min), which with five slots
 * stalls the queue long after the fault. A journey that meets any other refusal simply ends; the next fan starts
 * over. Bounded: it stops when asked, and every request has the HTTP client's timeout.
 */
final class JourneyLoad implements AutoCloseable {

    /** One answer a client got: where, what, and whether it was a problem document. */
    record Answer(String step, int status, boolean problem, String code) {
    }

    /** A payment the API answered 201. */
    record Paid(String paymentId, String reservationId, String userId) {
    }

    private static final Duration PACE = Duration.ofMillis(300);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /** Longer than the longest fault (Kafka, 60 s) plus a restart. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int SEATS = 50;

    private final HttpApi api;
    private final List<Concerts.Concert> concerts;
    private final AtomicInteger nextSeat = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<Paid> paid = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final ExecutorService fans;

    private JourneyLoad(HttpApi api, List<Concerts.Concert> concerts, int parallelFans) {
        this.api = api;
        this.concerts = List.copyOf(concerts);
        this.fans = Executors.newFixedThreadPool(parallelFans);
        for (int i = 0; i < parallelFans; i++) {
            fans.submit(this::journeys);
        }
    }

    /** Starts {@code parallelFans} fans in a loop over seats of {@code concerts} (50 each, in turn). */
    static JourneyLoad start(HttpApi api, List<Concerts.Concert> concerts, int parallelFans) {
        return new JourneyLoad(api, concerts, parallelFans);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<Paid> paid() {
        return List.copyOf(paid);
    }

    /** Requests that got no HTTP answer at all (connection refused at the gateway, or the client's timeout). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        running.set(false);
        fans.shutdown();
        try {
            if (!fans.awaitTermination(2, TimeUnit.MINUTES)) {
                fans.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fans.shutdownNow();
        }
    }

    private void journeys() {
        while (running.get()) {
            int seatIndex = nextSeat.getAndIncrement();
            if (seatIndex >= concerts.size() * SEATS) {
                return;
            }
            journey(concerts.get(seatIndex / SEATS), seatIndex % SEATS + 1, seatIndex % 5 == 4);
            LockSupport.parkNanos(PACE.toNanos());
        }
    }

    private void journey(Concerts.Concert concert, int seat, boolean walksAway) {
        String userId = UUID.randomUUID().toString();
        Optional<HttpApi.Response> joined = patiently("join", () -> api.post("/api/v1/queue/tokens",
                "{\"userId\":\"" + userId + "\",\"concertId\":\"" + concert.concertId() + "\"}", Map.of()));
        if (joined.isEmpty() || joined.get().status() != 201) {
            return;
        }
        Optional<String> token = admitted(joined.get().json().path("token").asString());
        if (token.isEmpty()) {
            return;
        }
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token.get());
        String chargeKey = UUID.randomUUID().toString();
        Optional<HttpApi.Response> charged = idempotently("charge", () -> api.post("/api/v1/balance/charges",
                "{\"amount\":" + Concerts.PRICE + "}", with(auth, "Idempotency-Key", chargeKey)));
        if (charged.isEmpty() || charged.get().status() != 200) {
            return;
        }
        Optional<HttpApi.Response> held = patiently("hold", () -> api.post("/api/v1/reservations",
                "{\"concertId\":\"" + concert.concertId() + "\",\"date\":\"" + concert.date() + "\",\"seatNumber\":"
                        + seat + "}", auth));
        if (held.isEmpty() || held.get().status() != 201 || walksAway) {
            return;
        }
        String reservationId = held.get().json().path("reservationId").asString();
        String paymentKey = UUID.randomUUID().toString();
        idempotently("pay", () -> api.post("/api/v1/payments", "{\"reservationId\":\"" + reservationId + "\"}",
                with(auth, "Idempotency-Key", paymentKey)))
                .filter(payment -> payment.status() == 201)
                .ifPresent(payment -> paid.add(new Paid(payment.json().path("paymentId").asString(), reservationId,
                        userId)));
    }

    /**
     * Polls until ACTIVE, as patient as a fan in a queue: for up to {@link #PATIENCE}, giving up only on a refusal
     * other than 503. A fan who left after a few seconds would leave a WAITING token ahead of everyone who came
     * after, and admission, in join order, would hand the slots freed after a fault to those who are gone.
     */
    private Optional<String> admitted(String token) {
        String current = token;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            String bearer = current;
            Optional<HttpApi.Response> answer = patiently("poll", () -> api.get("/api/v1/queue/tokens/me",
                    Map.of("Authorization", "Bearer " + bearer)));
            if (answer.isEmpty() || answer.get().status() != 200) {
                return Optional.empty();
            }
            current = answer.get().json().path("token").asString();
            if ("ACTIVE".equals(answer.get().json().path("status").asString())) {
                return Optional.of(current);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return Optional.empty();
    }

    /**
     * Sends the request, and again after a pause while the answer is 503 or there is none (the gateway down), until
     * {@link #PATIENCE} runs out or the load stops. A 504 (outcome unknown) is not resent: without an idempotency
     * key a request must not be repeated blindly.
     */
    private Optional<HttpApi.Response> patiently(String step, java.util.function.Supplier<HttpApi.Response> request) {
        return retrying(step, request, false);
    }

    /** As {@link #patiently}, and a 504 too: the request carries an {@code Idempotency-Key}, so it is safe. */
    private Optional<HttpApi.Response> idempotently(String step,
                                                    java.util.function.Supplier<HttpApi.Response> request) {
        return retrying(step, request, true);
    }

    private Optional<HttpApi.Response> retrying(String step, java.util.function.Supplier<HttpApi.Response> request,
                                                boolean outcomeUnknownToo) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Optional<HttpApi.Response> answer = call(step, request);
            boolean unavailable = answer.isEmpty() || answer.get().status() == 503
                    || outcomeUnknownToo && answer.get().status() == 504;
            if (!unavailable || !running.get() || System.nanoTime() > deadline) {
                return answer;
            }
            LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        }
    }

    private Optional<HttpApi.Response> call(String step, java.util.function.Supplier<HttpApi.Response> request) {
        try {
            HttpApi.Response response = request.get();
            answers.add(new Answer(step, response.status(), response.isProblem(),
                    response.isProblem() ? response.code() : ""));
            return Optional.of(response);
        } catch (IllegalStateException e) {
            failures.add(step + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
