package dev.ticketing.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for one service behind the gateway. It echoes what reached it as JSON
 * ({@code service, method, path, body} and, when sent, {@code userId, concertId, tokenId, adminKey, host}); a path
 * ending in {@code /shed} answers as a service shedding load does (503 SERVICE_BUSY, {@code Retry-After},
 * {@code Ticketing-Shed}); a path ending in {@code /answer-409} (any status) answers that status with a problem body
 * of code {@code STUB_409}; a request with {@link #REFUSE} gets a 409 of the code it names, one with
 * {@link #DELAY_MILLIS} its echo or refusal that much later; a path ending in
 * {@code /slow} or a request with {@link #STALL} never answers in time, one with {@link #HANG_UP} never at all; a path
 * given a fixed answer ({@link #answering}) gets that JSON, as the queue service's JWK Set.
 */
final class StubService {

    /** A request carrying this header (any value) is never answered in time, whatever its path and method. */
    static final String STALL = "X-Stub-Stall";
    /** A request carrying this header (any value) is read whole, then its connection is closed without an answer. */
    static final String HANG_UP = "X-Stub-Hang-Up";
    /**
     * A request carrying this header (any value) is answered 200 with the first part of a JSON body, then its
     * connection is closed: an instance that died in the middle of its answer.
     */
    static final String CUT_BODY = "X-Stub-Cut-Body";
    /** The echo of a request carrying this header answers with its value as {@code Cache-Control}. */
    static final String CACHE_CONTROL = "X-Stub-Cache-Control";
    /** A request carrying this header is recorded and answered 409 with a problem whose code is the header's value. */
    static final String REFUSE = "X-Stub-Refuse";
    /** A request carrying this header is recorded at once and answered that many milliseconds later. */
    static final String DELAY_MILLIS = "X-Stub-Delay-Millis";
    /** The echo answer names this value as a token the service issued (Ticketing-Issued-Token), as queue-service does. */
    static final String ISSUE_TOKEN = "X-Stub-Issue-Token";

    private static final Pattern ANSWER_STATUS = Pattern.compile(".*/answer-(\\d{3})$");
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String name;
    private final Map<String, Supplier<String>> fixedAnswers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private DisposableServer server;

    private StubService(String name, Map<String, Supplier<String>> fixedAnswers) {
        this.name = name;
        this.fixedAnswers = fixedAnswers;
    }

    static StubService start(String name) {
        return answering(name, Map.of());
    }

    /** A stub that answers the given paths with the JSON their supplier gives at the time of the request. */
    static StubService answering(String name, Map<String, Supplier<String>> fixedAnswers) {
        StubService stub = new StubService(name, Map.copyOf(fixedAnswers));
        stub.server = stub.bind(0);
        return stub;
    }

    /** The bodies of the echoed requests to {@code path} so far, oldest first. */
    List<String> bodiesSentTo(String path) {
        return received.stream().filter(request -> request.path().equals(path)).map(Received::body).toList();
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    /** Closes the port and the open connections, as a stopped service would. */
    void stop() {
        server.disposeNow();
    }

    void restart() {
        server = bind(server.port());
    }

    private DisposableServer bind(int port) {
        return HttpServer.create()
                .host("localhost")
                .port(port)
                // Tracked so that stop() also closes kept-alive connections from the gateway's pool.
                .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                .handle(this::answer)
                .bindNow();
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        Supplier<String> fixed = fixedAnswers.get(path);
        if (fixed != null) {
            return response.header("Content-Type", "application/json").sendString(Mono.fromSupplier(fixed)).then();
        }
        if (request.requestHeaders().contains(HANG_UP)) {
            return request.receive().aggregate().then(Mono.defer(() -> {
                response.withConnection(Connection::dispose);
                return Mono.never();
            }));
        }
        if (request.requestHeaders().contains(CUT_BODY)) {
            // A Flux, so the answer goes out chunked with no length: the first chunk, then the connection closes.
            Mono<String> death = Mono.delay(Duration.ofMillis(50))
                    .doOnNext(sent -> response.withConnection(Connection::dispose))
                    .then(Mono.never());
            return request.receive().aggregate().then(Mono.defer(() -> response
                    .header("Content-Type", "application/json")
                    .sendString(Flux.concat(Mono.just("{\"service\":\"" + name + "\",\"answer\":"), death))
                    .then()));
        }
        if (path.endsWith("/slow") || request.requestHeaders().contains(STALL)) {
            return Mono.delay(Duration.ofMinutes(1)).then(response.send());
        }
        if (path.endsWith("/shed")) {
            return response.status(503)
                    .header("Content-Type", "application/problem+json")
                    .header("Retry-After", "1")
                    .header("Ticketing-Shed", "1")
                    .sendString(Mono.just(json.writeValueAsString(Map.of("title", "Service Unavailable",
                            "status", 503, "detail", name + " is busy", "code", "SERVICE_BUSY"))))
                    .then();
        }
        Matcher answerStatus = ANSWER_STATUS.matcher(path);
        if (answerStatus.matches()) {
            int status = Integer.parseInt(answerStatus.group(1));
            return response.status(status)
                    .header("Content-Type", "application/problem+json")
                    .sendString(Mono.just(json.writeValueAsString(Map.of("title", "Stub answer", "status", status,
                            "detail", name + " answered " + status, "code", "STUB_" + status))))
                    .then();
        }
        String refusal = request.requestHeaders().get(REFUSE);
        Duration delay = Duration.ofMillis(Long.parseLong(request.requestHeaders().get(DELAY_MILLIS, "0")));
        if (refusal != null) {
            return request.receive().aggregate().asString().defaultIfEmpty("")
                    .doOnNext(body -> received.add(new Received(path, body)))
                    .delayElement(delay)
                    .flatMap(body -> response.status(409)
                            .header("Content-Type", "application/problem+json")
                            .sendString(Mono.just(json.writeValueAsString(Map.of("title", "Conflict", "status", 409,
                                    "detail", name + " refused " + body, "code", refusal))))
                            .then());
        }
        return request.receive().aggregate().asString().defaultIfEmpty("")
                .doOnNext(body -> received.add(new Received(path, body)))
                .delayElement(delay)
                .flatMap(body -> withIssuedToken(withCacheControl(response, request.requestHeaders().get(CACHE_CONTROL)),
                                request.requestHeaders().get(ISSUE_TOKEN))
                        .header("Content-Type", "application/json")
                        .header("X-Stub-Service", name)
                        .header("X-Stub-Method", request.method().name())
                        .header("X-Stub-User-Id", String.valueOf(request.requestHeaders().get("X-User-Id")))
                        .sendString(Mono.just(echo(request, body)))
                        .then());
    }

    private static HttpServerResponse withIssuedToken(HttpServerResponse response, String token) {
        return token == null ? response : response.header("Ticketing-Issued-Token", token);
    }

    private static HttpServerResponse withCacheControl(HttpServerResponse response, String cacheControl) {
        return cacheControl == null ? response : response.header("Cache-Control", cacheControl);
    }

    private String echo(HttpServerRequest request, String body) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("service", name);
        seen.put("method", request.method().name());
        seen.put("path", request.uri());
        seen.put("body", body);
        putIfPresent(seen, "userId", request.requestHeaders().get("X-User-Id"));
        putIfPresent(seen, "concertId", request.requestHeaders().get("X-Concert-Id"));
        putIfPresent(seen, "tokenId", request.requestHeaders().get("X-Token-Id"));
        putIfPresent(seen, "adminKey", request.requestHeaders().get("X-Admin-Key"));
        putIfPresent(seen, "host", request.requestHeaders().get("Host"));
        putIfPresent(seen, "traceparent", request.requestHeaders().get("traceparent"));
        return json.writeValueAsString(seen);
    }

    private static void putIfPresent(Map<String, Object> seen, String key, String value) {
        if (value != null) {
            seen.put(key, value);
        }
    }

    private record Received(String path, String body) {
    }
}
