package dev.ticketing.reservation.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for concert-service's internal catalog API
 * ({@code GET /internal/v1/concerts/{concertId}/dates/{date}}), one per test JVM. Tests add their own concerts,
 * so no two tests share a seat, and can make a concert's catalog fail or hang.
 */
public final class CatalogStub {

    private static final Pattern PATH = Pattern.compile("/internal/v1/concerts/([^/]+)/dates/([^/]+)");
    private static final CatalogStub INSTANCE = start();

    private final HttpServer server;
    private final Map<UUID, Map<LocalDate, ConcertDate>> concerts = new ConcurrentHashMap<>();
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Set<UUID> hanging = ConcurrentHashMap.newKeySet();
    private final CountDownLatch releaseHanging = new CountDownLatch(1);
    private final Map<UUID, AtomicInteger> requests = new ConcurrentHashMap<>();
    // Random per run: schedule ids stay unique even in a database kept from an earlier run.
    private final AtomicLong scheduleIds = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 50));

    private CatalogStub(HttpServer server) {
        this.server = server;
    }

    public static CatalogStub get() {
        return INSTANCE;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A new concert with one date whose booking is open; seat n costs 100,000 + n KRW. */
    public ConcertDate openDate() {
        return addDate(UUID.randomUUID(), Instant.parse("2020-01-01T00:00:00Z"));
    }

    /** A new concert with one date, already over, whose booking had opened. */
    public ConcertDate pastDate() {
        UUID concertId = UUID.randomUUID();
        ConcertDate concertDate = new ConcertDate(concertId, LocalDate.parse("2020-06-01"),
                scheduleIds.incrementAndGet(), Instant.parse("2020-01-01T00:00:00Z"));
        concerts.computeIfAbsent(concertId, id -> new ConcurrentHashMap<>()).put(concertDate.date(), concertDate);
        return concertDate;
    }

    /** A new concert with one date whose booking opens only at {@code opensAt}. */
    public ConcertDate dateOpeningAt(Instant opensAt) {
        return addDate(UUID.randomUUID(), opensAt);
    }

    public static long priceOf(int seat) {
        return 100_000L + seat;
    }

    /** Answers 503 for the concert from now on. */
    public void fail(UUID concertId) {
        failing.add(concertId);
    }

    /** Never answers for the concert (until the JVM ends): the caller has to give up on its own. */
    public void hang(UUID concertId) {
        hanging.add(concertId);
    }

    /** Catalog requests received for the concert. */
    public int requestsFor(UUID concertId) {
        return requests.getOrDefault(concertId, new AtomicInteger()).get();
    }

    private ConcertDate addDate(UUID concertId, Instant opensAt) {
        LocalDate date = LocalDate.parse("2031-01-01").plusDays(ThreadLocalRandom.current().nextInt(3650));
        ConcertDate concertDate = new ConcertDate(concertId, date, scheduleIds.incrementAndGet(), opensAt);
        concerts.computeIfAbsent(concertId, id -> new ConcurrentHashMap<>()).put(date, concertDate);
        return concertDate;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                respond(exchange, 404, problem(404, "NOT_FOUND"));
                return;
            }
            UUID concertId = UUID.fromString(path.group(1));
            requests.computeIfAbsent(concertId, id -> new AtomicInteger()).incrementAndGet();
            if (hanging.contains(concertId)) {
                releaseHanging.await();
            }
            Map<LocalDate, ConcertDate> dates = concerts.get(concertId);
            if (failing.contains(concertId)) {
                respond(exchange, 503, problem(503, "SERVICE_UNAVAILABLE"));
            } else if (dates == null) {
                respond(exchange, 404, problem(404, "CONCERT_NOT_FOUND"));
            } else if (!dates.containsKey(LocalDate.parse(path.group(2)))) {
                respond(exchange, 404, problem(404, "DATE_NOT_FOUND"));
            } else {
                respond(exchange, 200, dates.get(LocalDate.parse(path.group(2))).json());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String problem(int status, String code) {
        return "{\"status\":%d,\"title\":\"stub\",\"detail\":\"stub\",\"code\":\"%s\"}".formatted(status, code);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static CatalogStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CatalogStub stub = new CatalogStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stub.releaseHanging.countDown();
                server.stop(0);
            }, "catalog-stub-stop"));
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("the catalog stub could not start", e);
        }
    }

    /** One date of a stub concert, with the answer concert-service would give for it. */
    public record ConcertDate(UUID concertId, LocalDate date, long scheduleId, Instant bookingOpensAt) {

        String json() {
            String seats = IntStream.rangeClosed(1, 50)
                    .mapToObj(seat -> "{\"seatNumber\":%d,\"price\":%d,\"status\":\"AVAILABLE\"}"
                            .formatted(seat, priceOf(seat)))
                    .collect(Collectors.joining(","));
            return """
                    {"concertId":"%s","scheduleId":%d,"date":"%s","bookingOpensAt":"%s","title":"%s","seats":[%s]}"""
                    .formatted(concertId, scheduleId, date, bookingOpensAt, title(), seats);
        }

        /** The concert's title as the stub names it. */
        public String title() {
            return "Concert " + concertId;
        }
    }
}
