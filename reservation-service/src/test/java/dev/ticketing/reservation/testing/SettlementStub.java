package dev.ticketing.reservation.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for payment-service's settlement API
 * ({@code PUT /internal/v1/reservation-settlements/{id}}), one per test JVM. Tests say per reservation whether it
 * was paid; anything not said is answered 503, as an unavailable payment-service would.
 */
public final class SettlementStub {

    private static final Pattern PATH = Pattern.compile("/internal/v1/reservation-settlements/([^/]+)");
    private static final SettlementStub INSTANCE = start();

    private final HttpServer server;
    private final Map<UUID, String> answers = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> requests = new ConcurrentHashMap<>();

    private SettlementStub(HttpServer server) {
        this.server = server;
    }

    public static SettlementStub get() {
        return INSTANCE;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on the reservation is settled as paid by this payment. */
    public void paid(UUID reservationId, UUID paymentId, UUID payerId, long amount) {
        answers.put(reservationId, """
                {"reservationId": "%s", "outcome": "PAID", "paymentId": "%s", "userId": "%s", "amount": %d}"""
                .formatted(reservationId, paymentId, payerId, amount));
    }

    /** From now on the reservation is settled as void: no payment committed for it. */
    public void voided(UUID reservationId) {
        answers.put(reservationId, """
                {"reservationId": "%s", "outcome": "VOIDED"}""".formatted(reservationId));
    }

    public int requestsFor(UUID reservationId) {
        AtomicInteger count = requests.get(reservationId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !"PUT".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "{\"status\": 404, \"code\": \"NOT_FOUND\"}");
                return;
            }
            UUID reservationId = UUID.fromString(path.group(1));
            requests.computeIfAbsent(reservationId, id -> new AtomicInteger()).incrementAndGet();
            String answer = answers.get(reservationId);
            if (answer == null) {
                respond(exchange, 503, "{\"status\": 503, \"code\": \"SERVICE_UNAVAILABLE\"}");
            } else {
                respond(exchange, 200, answer);
            }
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

    private static SettlementStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            SettlementStub stub = new SettlementStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
