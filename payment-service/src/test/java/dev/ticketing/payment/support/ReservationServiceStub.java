package dev.ticketing.payment.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * ({@code GET /internal/v1/reservations/{id}}); tests decide what it answers for each reservation. Unknown
 * reservations get the contract's 404 RESERVATION_NOT_FOUND. One per test JVM, like the service context.
 */
public final class ReservationServiceStub {

    private static final ReservationServiceStub SHARED = start();
    private static final String PATH = "/internal/v1/reservations/";

    private final HttpServer server;
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> requests = new ConcurrentHashMap<>();

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
        String json = """
                {"reservationId": "%s", "userId": "%s", "concertId": "%s", "scheduleId": 7, "date": "2026-12-24",
                 "seatNumber": 17, "price": %d, "tokenId": "%s", "status": "%s", "expiresAt": "%s"}"""
                .formatted(reservationId, userId, UUID.randomUUID(), price, UUID.randomUUID(), status, expiresAt);
        answers.put(reservationId, new Answer(200, json, null));
    }

    /** Answers this status and body for the reservation, e.g. a 500 or a 404 that is not the contract's. */
    public void answerRaw(UUID reservationId, int status, String body) {
        answers.put(reservationId, new Answer(status, body, null));
    }

    /** Holds every request for the reservation until the returned latch is counted down. */
    public CountDownLatch stall(UUID reservationId) {
        CountDownLatch release = new CountDownLatch(1);
        answers.put(reservationId, new Answer(500, "{}", release));
        return release;
    }

    public int requestsFor(UUID reservationId) {
        AtomicInteger count = requests.get(reservationId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            UUID reservationId = path.startsWith(PATH) ? parse(path.substring(PATH.length())) : null;
            if (reservationId == null || !"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "{\"code\": \"NOT_FOUND\"}");
                return;
            }
            requests.computeIfAbsent(reservationId, id -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(reservationId, new Answer(404,
                    "{\"status\": 404, \"code\": \"RESERVATION_NOT_FOUND\", \"detail\": \"not found\"}", null));
            if (answer.release() != null) {
                answer.release().await();
            }
            respond(exchange, answer.status(), answer.body());
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

    private record Answer(int status, String body, CountDownLatch release) {
    }
}
