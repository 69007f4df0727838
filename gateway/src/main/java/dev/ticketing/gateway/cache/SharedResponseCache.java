package dev.ticketing.gateway.cache;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A short-lived cache, shared by all clients, of the answers a service marks shareable ({@link Shareability}):
 * the concert, date and seat listings every admitted fan reloads. In an on-sale minute thousands of fans ask for
 * the same seat map each second; within {@link SharedCacheSettings#maxAge()} (0.5 s by default) they get the
 * same bytes from here instead of a call each to concert-service, whose read model is itself updated from Kafka a
 * few milliseconds behind the holds.
 *
 * <p>It runs after the token check and the activity note (a cached answer still needs an ACTIVE token for its
 * concert, and still counts as the fan's activity) and before the route's breaker. Only bodiless GETs; a request
 * that says {@code Cache-Control: no-cache} is sent on. The key is the route and the exact path and query, never
 * anything of the client's: what a service marks shareable must not depend on who asks. Bounded by body bytes.
 * Only the routes {@link SharedCacheSettings#routes()} names take part.
 */
@Component
class SharedResponseCache implements GlobalFilter, Ordered {

    /** After AccessFilter (-100), ActivityFilter (-99), ContendedSeats (-98) and BookingPathFilter (-97). */
    static final int ORDER = -96;

    /** Not replayed from the cache: they describe one connection or one answer, or are set again on writing. */
    private static final Set<String> NOT_STORED = Set.of("connection", "transfer-encoding", "content-length", "date",
            "keep-alive", "set-cookie");

    /** An answer as stored: its headers, its body, and when it was stored and goes stale. */
    record Stored(HttpHeaders headers, byte[] body, long storedAtNanos, long ttlNanos) {
    }

    private final SharedCacheSettings settings;
    private final Cache<String, Stored> answers;
    private final Counter hits;
    private final Counter misses;

    SharedResponseCache(SharedCacheSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((String key, Stored stored) -> key.length() + stored.body().length)
                .expireAfter(Expiry.creating((String key, Stored stored) -> Duration.ofNanos(stored.ttlNanos())))
                .build();
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !settings.covers(route.getId()) || !HttpMethod.GET.equals(request.getMethod())
                || hasBody(request)) {
            return chain.filter(exchange);
        }
        String key = route.getId() + ' ' + request.getURI().getRawPath() + '?'
                + Optional.ofNullable(request.getURI().getRawQuery()).orElse("");
        boolean refused = Shareability.refusedBy(request.getHeaders());
        if (!refused) {
            Stored stored = answers.getIfPresent(key);
            if (stored != null) {
                hits.increment();
                return replay(exchange.getResponse(), stored);
            }
        }
        misses.increment();
        return chain.filter(exchange.mutate().response(new Storing(exchange.getResponse(), key)).build());
    }

    private static Mono<Void> replay(ServerHttpResponse response, Stored stored) {
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.addAll(stored.headers());
        headers.setContentLength(stored.body().length);
        long ageSeconds = (System.nanoTime() - stored.storedAtNanos()) / 1_000_000_000L;
        headers.set(HttpHeaders.AGE, Long.toString(ageSeconds));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    private static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("ticketing.gateway.shared_cache.lookups")
                .description("GETs the shared response cache was asked for, by whether it held the answer")
                .tag("result", result)
                .register(meters);
    }

    /** Passes the answer on, and keeps a copy when the service marked it shareable. */
    private final class Storing extends ServerHttpResponseDecorator {

        private final String key;

        Storing(ServerHttpResponse delegate, String key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Optional<Duration> shareable = Shareability.of(getStatusCode(), getHeaders(), settings.maxAge());
            if (shareable.isEmpty()) {
                return super.writeWith(body);
            }
            long ttlNanos = shareable.get().toNanos();
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                answers.put(key, new Stored(storable(getHeaders()), bytes, System.nanoTime(), ttlNanos));
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        private static HttpHeaders storable(HttpHeaders headers) {
            HttpHeaders kept = new HttpHeaders();
            headers.forEach((name, values) -> {
                if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.addAll(name, values);
                }
            });
            return HttpHeaders.readOnlyHttpHeaders(kept);
        }
    }
}
