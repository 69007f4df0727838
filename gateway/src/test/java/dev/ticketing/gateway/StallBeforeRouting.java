package dev.ticketing.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Test only: a request carrying {@link #HEADER} never gets past the gateway's own filters, as if something inside
 * the gateway lost it before the call to the service (and so before any of the call's own time limits).
 */
class StallBeforeRouting implements GlobalFilter, Ordered {

    static final String HEADER = "X-Test-Stall-Before-Routing";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getRequest().getHeaders().containsHeader(HEADER) ? Mono.never() : chain.filter(exchange);
    }
}
