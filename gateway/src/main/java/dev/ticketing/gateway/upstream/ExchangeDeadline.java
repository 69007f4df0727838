package dev.ticketing.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request is answered within {@link UpstreamSettings#exchangeDeadline()}, whatever happens inside the gateway.
 * The breaker's TimeLimiter and the HTTP client's timeouts bound the call to a service; this bounds the whole
 * exchange, including what comes before the call. In a one-seat stampede 4 to 16 holds of 1,000 were taken by the
 * gateway and never routed, with no limit firing, until the client gave up after 60 s.
 *
 * <p>Past the deadline, an exchange whose answer has not started is answered as a call to its service that got
 * no answer (UpstreamFailures: 503 to repeat where that is safe, else 504 outcome unknown), logged as
 * {@code exchange_deadline_passed} with whether routing had begun, and counted in
 * {@code ticketing.gateway.deadline.passed}. An answer already under way is left to finish.
 */
@Component
class ExchangeDeadline implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ExchangeDeadline.class);
    /** Inside the server's observation (metrics record the answer given here), ahead of everything else. */
    private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    private static final String NO_ROUTE = "none";

    private final Duration deadline;
    private final MeterRegistry meters;

    ExchangeDeadline(UpstreamSettings settings, MeterRegistry meters) {
        this.deadline = settings.exchangeDeadline();
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).timeout(deadline, Mono.defer(() -> passed(exchange)));
    }

    private Mono<Void> passed(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? NO_ROUTE : route.getId();
        boolean routed = ServerWebExchangeUtils.isAlreadyRouted(exchange);
        boolean answering = exchange.getResponse().isCommitted();
        log.warn("exchange_deadline_passed method={} path={} route={} routed={} answering={} deadline_ms={}",
                request.getMethod(), request.getPath().value(), routeId, routed, answering, deadline.toMillis());
        Counter.builder("ticketing.gateway.deadline.passed")
                .description("Requests the gateway had not answered by its exchange deadline")
                .tag("route", routeId)
                .register(meters)
                .increment();
        if (answering) {
            return Mono.empty();
        }
        String service = route == null ? "gateway" : routeId;
        return Mono.error(UpstreamFailures.of(service, request.getMethod(),
                new TimeoutException("no answer within the gateway's " + deadline.toMillis() + " ms deadline")));
    }
}
