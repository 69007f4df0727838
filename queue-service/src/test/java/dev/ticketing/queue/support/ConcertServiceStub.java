package dev.ticketing.queue.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for concert-service's internal API ({@code GET /internal/v1/concerts/{id}}):
 * 200 for registered concerts, 404 CONCERT_NOT_FOUND for others, 503 for "failing" ones, and no answer at all
 * for "hanging" ones (until the stub closes), so the caller's time limit is what ends the call. A "gated" concert
 * exists but is answered only once released. Calls are counted per concert.
 */
public final class ConcertServiceStub implements AutoCloseable {

    private static final String PATH = "/internal/v1/concerts/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<UUID> concerts = ConcurrentHashMap.newKeySet();
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Set<UUID> hanging = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicReference<UUID> firstLookup = new AtomicReference<>();

    public ConcertServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public UUID newConcert() {
        UUID concertId = UUID.randomUUID();
        concerts.add(concertId);
        return concertId;
    }

    public UUID failingConcert() {
        UUID concertId = UUID.randomUUID();
        failing.add(concertId);
        return concertId;
    }

    public UUID hangingConcert() {
        UUID concertId = UUID.randomUUID();
        hanging.add(concertId);
        return concertId;
    }

    /** A concert that exists, whose lookups are answered only after {@link #release}. */
    public UUID gatedConcert() {
        UUID concertId = newConcert();
        gates.put(concertId, new CountDownLatch(1));
        return concertId;
    }

    public void release(UUID gatedConcert) {
        gates.get(gatedConcert).countDown();
    }

    /** How many lookups of this concert arrived. */
    public int calls(UUID concertId) {
        AtomicInteger count = calls.get(concertId);
        return count == null ? 0 : count.get();
    }

    /** The concert the stub was first asked about, if it has been asked at all. */
    public Optional<UUID> firstLookup() {
        return Optional.ofNullable(firstLookup.get());
    }

    /** Whether this concert was made here, in any of the stub's kinds. */
    public boolean made(UUID concertId) {
        return concerts.contains(concertId) || failing.contains(concertId) || hanging.contains(concertId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID concertId = UUID.fromString(exchange.getRequestURI().getPath().substring(PATH.length()));
            firstLookup.compareAndSet(null, concertId);
            calls.computeIfAbsent(concertId, id -> new AtomicInteger()).incrementAndGet();
            CountDownLatch gate = gates.get(concertId);
            if (gate != null) {
                gate.await();
            }
            if (hanging.contains(concertId)) {
                closed.await();
                return;
            }
            if (failing.contains(concertId)) {
                respond(exchange, 503, "application/problem+json", "{\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\"}");
            } else if (concerts.contains(concertId)) {
                respond(exchange, 200, "application/json", "{\"concertId\":\"" + concertId
                        + "\",\"title\":\"Stub concert\",\"venue\":\"Stub hall\"}");
            } else {
                respond(exchange, 404, "application/problem+json", "{\"status\":404,\"code\":\"CONCERT_NOT_FOUND\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
