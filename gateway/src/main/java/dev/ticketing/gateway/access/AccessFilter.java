package dev.ticketing.gateway.access;

import java.util.Map;

import dev.ticketing.gateway.error.RejectedRequest;
import dev.ticketing.gateway.ratelimit.JoinRateLimiter;
import dev.ticketing.gateway.token.QueueKeys;
import dev.ticketing.gateway.token.QueueToken;
import dev.ticketing.gateway.token.QueueTokenVerifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies {@link AccessPolicy} to every routed request, before any route filter (circuit breakers included, so a
 * refused request never counts against a service) and before the request is forwarded. Token routes get the
 * token's identity as X-User-Id, X-Concert-Id and X-Token-Id; every route loses client-sent ones.
 *
 * <p>On the hot path (a token seen before, or one signed by a known key) nothing waits; only a token with an unknown
 * key id waits for the key set to be fetched again. Beyond the rewritten request, a seen token allocates nothing.
 */
@Component
class AccessFilter implements GlobalFilter, Ordered {

    /** Early, but after the gateway's own body-caching filters (HIGHEST_PRECEDENCE ...). */
    static final int ORDER = -100;

    private final QueueTokenVerifier verifier;
    private final QueueKeys keys;
    private final JoinRateLimiter joinLimit;
    private final Map<String, Counter> rejectedTokens;

    AccessFilter(QueueTokenVerifier verifier, QueueKeys keys, JoinRateLimiter joinLimit, MeterRegistry meters) {
        this.verifier = verifier;
        this.keys = keys;
        this.joinLimit = joinLimit;
        this.rejectedTokens = Map.of(
                RejectedRequest.TOKEN_INVALID, rejectedCounter(meters, RejectedRequest.TOKEN_INVALID),
                RejectedRequest.TOKEN_EXPIRED, rejectedCounter(meters, RejectedRequest.TOKEN_EXPIRED),
                RejectedRequest.QUEUE_NOT_ACTIVE, rejectedCounter(meters, RejectedRequest.QUEUE_NOT_ACTIVE),
                RejectedRequest.WRONG_CONCERT, rejectedCounter(meters, RejectedRequest.WRONG_CONCERT));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!RequestPaths.isPlain(path)) {
            return Mono.error(RejectedRequest.invalidRequest("The path has segments the API never uses"));
        }
        AccessPolicy.Rule rule = AccessPolicy.ruleFor(request.getMethod(), path);
        // No handler mapping names a proxied request's pattern, so http.server.requests would say uri="UNKNOWN" for
        // every route; the contract's row is the low-cardinality name ops want per public route.
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observed -> observed.setPathPattern(rule.path().toString()));
        return switch (rule.access()) {
            case PUBLIC, ADMIN -> chain.filter(ForwardedIdentity.stripped(exchange));
            case JOIN -> joinLimit.acquire(request).flatMap(waitMillis -> waitMillis == 0
                    ? chain.filter(ForwardedIdentity.stripped(exchange))
                    : Mono.error(RejectedRequest.rateLimited(Math.ceilDiv(waitMillis, 1000L))));
            case ANY_TOKEN, ACTIVE, ACTIVE_FOR_CONCERT -> checkToken(exchange, chain, rule, path);
        };
    }

    private Mono<Void> checkToken(ServerWebExchange exchange, GatewayFilterChain chain, AccessPolicy.Rule rule,
                                  String path) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        QueueToken token;
        try {
            token = verifier.verify(authorization);
        } catch (RejectedRequest rejected) {
            return reject(rejected);
        }
        if (token == null) {
            // A key rotated in since the last fetch, or a made-up kid: look once more (rate-limited), then judge.
            return keys.refreshForUnknownKey().then(Mono.defer(() -> {
                try {
                    return admit(exchange, chain, rule, path, verifier.verifyAfterKeyRefresh(authorization));
                } catch (RejectedRequest rejected) {
                    return reject(rejected);
                }
            }));
        }
        return admit(exchange, chain, rule, path, token);
    }

    /** Route rules for a valid token: the state the route needs, and the concert in its path. */
    private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, AccessPolicy.Rule rule,
                             String path, QueueToken token) {
        if (rule.access().needsActiveToken() && !token.isActive()) {
            return reject(RejectedRequest.queueNotActive());
        }
        if (rule.access() == Access.ACTIVE_FOR_CONCERT && !rule.concertIs(path, token.concertId())) {
            return reject(RejectedRequest.wrongConcert());
        }
        return chain.filter(ForwardedIdentity.of(exchange, token));
    }

    private Mono<Void> reject(RejectedRequest rejected) {
        Counter counter = rejectedTokens.get(rejected.code());
        if (counter != null) {
            counter.increment();
        }
        return Mono.error(rejected);
    }

    private static Counter rejectedCounter(MeterRegistry meters, String code) {
        return Counter.builder("ticketing.gateway.token.rejected")
                .description("Requests refused by the queue-token check, by contract code")
                .tag("reason", code)
                .register(meters);
    }
}
