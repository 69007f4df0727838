package dev.ticketing.payment.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for reservation-service's internal API
 * ({@code POST /internal/v1/reservations/{id}/payment-claim}); tests decide what it answers for each reservation.
 * A claim is granted when the reservation is HELD and the claim names {@link #CONCERT_ID}; unknown reservations
 * get the contract's 404 RESERVATION_NOT_FOUND. One per test JVM, like the service context.
 */
public final class ReservationServiceStub {

    private static final ReservationServiceStub SHARED = start();
    private static final String PATH = "/internal/v1/reservations/";
    private static final String CLAIM = "/payment-claim";
    private static final String SHED_BODY = "{\"status\": 503, \"code\": \"SERVICE_BUSY\", \"detail\": \"busy\"}";

    /** The concert of every reservation this stub reports, and of the tokens tests pay with. */
    public static final UUID CONCERT_ID = UUID.fromString("0c0c0c0c-0000-4000-8000-000000000001");

    private final HttpServer server;
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, String> traceParents = new ConcurrentHashMap<>();
    private final Map<UUID, Duration> delays = new ConcurrentHashMap<>();

    private ReservationServiceStub(HttpServer server) {
        this.server = server;
    }

    public static ReservationServiceStub shared() {
        return SHARED;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A reservation HELD for {@code userId} until {@code expiresAt}; returns its id. */
    public UUID hold(UUID userId, long price, Instant expiresAt) {
        UUID reservationId = UUID.randomUUID();
        answer(reservationId, userId, price, "HELD", expiresAt);
        return reservationId;
    }

    /** From now on the reservation is reported with this status. */
    public void answer(UUID reservationId, UUID userId, long price, String status, Instant expiresAt) {
        UUID tokenId = tokens.computeIfAbsent(reservationId, id -> UUID.randomUUID());
        String json = """
                {"reservationId": "%s", "userId": "%s", "concertId": "%s", "scheduleId": 7, "date": "2026-12-24",
                 "seatNumber": 17, "price": %d, "tokenId": "%s", "status": "%s", "expiresAt": "%s"
                """
                .formatted(reservationId, userId, CONCERT_ID, price, tokenId, status, expiresAt);
        answers.put(reservationId, new Answer(200, json, null, "HELD".equals(status), false));
    }

    /** The token that made the hold: PaymentCompleted names it, whatever token paid. */
    public UUID tokenOf(UUID reservationId) {
        return tokens.get(reservationId);
    }

    /** Answers this status and body for the reservation, e.g. a 500 or a 404 that is not the contract's. */
    public void answerRaw(UUID reservationId, int status, String body) {
        answers.put(reservationId, new Answer(status, body, null, false, false));
    }

    /** Sheds every claim for the reservation, as a busy reservation-service does (503 SERVICE_BUSY, Ticketing-Shed). */
    public void shed(UUID reservationId) {
        answers.put(reservationId, new Answer(503, SHED_BODY, null, false, true));
    }

    /** Holds every request for the reservation until the returned latch is counted down. */
    public CountDownLatch stall(UUID reservationId) {
        CountDownLatch release = new CountDownLatch(1);
        answers.put(reservationId, new Answer(500, "{}", release, false, false));
        return release;
    }

    /** Answers every request for the reservation only this much later, whatever the answer. */
    public void answerLate(UUID reservationId, Duration delay) {
        delays.put(reservationId, delay);
    }

    public int requestsFor(UUID reservationId) {
        AtomicInteger count = requests.get(reservationId);
        return count == null ? 0 : count.get();
    }

    /** The W3C traceparent the last claim for the reservation came with, or null. */
    public String traceParentOf(UUID reservationId) {
        return traceParents.get(reservationId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            UUID reservationId = path.startsWith(PATH) && path.endsWith(CLAIM)
                    ? parse(path.substring(PATH.length(), path.length() - CLAIM.length())) : null;
            if (reservationId == null || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "{\"code\": \"NOT_FOUND\"}");
                return;
            }
            String claim = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.computeIfAbsent(reservationId, id -> new AtomicInteger()).incrementAndGet();
            String traceParent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceParent != null) {
                traceParents.put(reservationId, traceParent);
            }
            Answer answer = answers.getOrDefault(reservationId, new Answer(404,
                    "{\"status\": 404, \"code\": \"RESERVATION_NOT_FOUND\", \"detail\": \"not found\"}", null,
                    false, false));
            if (answer.release() != null) {
                answer.release().await();
            }
            Duration delay = delays.get(reservationId);
            if (delay != null) {
                Thread.sleep(delay);
            }
            if (answer.shed()) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.getResponseHeaders().add("Ticketing-Shed", "1");
            }
            if (answer.status() != 200) {
                respond(exchange, answer.status(), answer.body());
                return;
            }
            boolean claimed = answer.held() && claim.contains(CONCERT_ID.toString());
            respond(exchange, 200, answer.body() + ", \"claimed\": " + claimed + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ReservationServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 100);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            ReservationServiceStub stub = new ReservationServiceStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param body for 200, the reservation's JSON without its closing brace, so the claim flag can follow */
    private record Answer(int status, String body, CountDownLatch release, boolean held, boolean shed) {
    }
}
