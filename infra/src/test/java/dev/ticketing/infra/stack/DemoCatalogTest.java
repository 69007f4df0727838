package dev.ticketing.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ticketing.infra.embedded.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a tiny HTTP server that plays the gateway and concert-service while the stack settles. */
class DemoCatalogTest {

    private static final String ADMIN_KEY = "test-admin-key";

    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private boolean createThenFail;
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesWhileTheGatewayAnswers503AndLoadsEveryConcertOnce() throws IOException {
        failures.addAll(List.of(503, 503));
        int port = startServer(Ports.freePort());

        int loaded = catalog(port, Duration.ofSeconds(30)).loadIfEmpty();

        assertThat(loaded).isEqualTo(3);
        assertThat(posts).hasValue(5);
        assertThat(created).containsExactly("Aurora Live in Seoul", "The Midnight Orchestra", "Neon Waves Festival");
        assertThat(progress).hasSize(2).allMatch(line -> line.contains("answered 503") && line.contains("retrying"));
    }

    @Test
    void aConcertCreatedByAnAttemptThatFailedIsNotCreatedAgain() throws IOException {
        createThenFail = true;
        failures.add(504);
        int port = startServer(Ports.freePort());

        catalog(port, Duration.ofSeconds(30)).loadIfEmpty();

        assertThat(created).containsExactly("Aurora Live in Seoul", "The Midnight Orchestra", "Neon Waves Festival");
        assertThat(posts).hasValue(3);
    }

    @Test
    void retriesWhileNothingListensYet() {
        int port = Ports.freePort();
        // The server comes up when the first refused attempt is reported, as a gateway finishing its start would.
        RetryUntilDeadline retry = new RetryUntilDeadline(Instant.now().plus(Duration.ofSeconds(30)), Duration.ofMillis(10),
                Duration.ofMillis(50), line -> {
                    progress.add(line);
                    if (server == null) {
                        startServerQuietly(port);
                    }
                });

        int loaded = new DemoCatalog(url(port), url(port), ADMIN_KEY, retry).loadIfEmpty();

        assertThat(loaded).isEqualTo(3);
        assertThat(progress).singleElement().asString().contains("listing the concerts failed", "ConnectException");
    }

    @Test
    void aClientErrorFailsAtOnce() throws IOException {
        failures.add(401);
        int port = startServer(Ports.freePort());

        assertThatThrownBy(() -> catalog(port, Duration.ofSeconds(30)).loadIfEmpty())
                .isInstanceOf(StackFailure.class)
                .hasMessageContaining("Aurora Live in Seoul").hasMessageContaining("401");
        assertThat(posts).hasValue(1);
        assertThat(progress).isEmpty();
    }

    @Test
    void givesUpAtTheDeadlineNamingTheLastAnswer() throws IOException {
        for (int i = 0; i < 1_000; i++) {
            failures.add(503);
        }
        int port = startServer(Ports.freePort());

        assertThatThrownBy(() -> catalog(port, Duration.ofSeconds(1)).loadIfEmpty())
                .isInstanceOf(StackFailure.class)
                .hasMessageContaining("answered 503").hasMessageContaining("gave up at the start deadline");
        assertThat(posts.get()).isPositive().isLessThan(1_000);
    }

    @Test
    void anExistingCatalogIsLeftAlone() throws IOException {
        created.add("Somebody's concert");
        int port = startServer(Ports.freePort());

        assertThat(catalog(port, Duration.ofSeconds(30)).loadIfEmpty()).isZero();
        assertThat(posts).hasValue(0);
    }

    private DemoCatalog catalog(int port, Duration untilDeadline) {
        RetryUntilDeadline retry = new RetryUntilDeadline(Instant.now().plus(untilDeadline), Duration.ofMillis(10),
                Duration.ofMillis(50), progress::add);
        return new DemoCatalog(url(port), url(port), ADMIN_KEY, retry);
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private void startServerQuietly(int port) {
        try {
            startServer(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/api/v1/concerts", exchange -> {
            List<String> listed = new ArrayList<>();
            created.forEach(title -> listed.add("{\"concertId\":\"c\",\"title\":\"" + title + "\",\"venue\":\"v\"}"));
            answer(exchange, 200, "[" + String.join(",", listed) + "]");
        });
        server.createContext("/api/v1/admin/concerts", this::admin);
        server.start();
        return port;
    }

    /** Answers the queued failures first; with createThenFail, a failure comes after the concert was created. */
    private void admin(HttpExchange exchange) throws IOException {
        posts.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ADMIN_KEY.equals(exchange.getRequestHeaders().getFirst("X-Admin-Key"))) {
            answer(exchange, 401, "{}");
            return;
        }
        Integer failure = failures.isEmpty() ? null : failures.remove(0);
        if (failure == null || createThenFail) {
            Matcher title = Pattern.compile("\"title\":\"([^\"]+)\"").matcher(body);
            assertThat(title.find()).isTrue();
            created.add(title.group(1));
        }
        if (failure != null) {
            answer(exchange, failure, "{\"status\":" + failure + "}");
        } else {
            answer(exchange, 201, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
