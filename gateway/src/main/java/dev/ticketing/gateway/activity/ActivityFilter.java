package dev.ticketing.gateway.activity;

import java.time.Clock;

import dev.ticketing.identity.IdentityHeaders;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Notes every request that passed the token check. It runs after the access filter, so the token id it reads is
 * the one the gateway itself forwards (clients' identity headers are stripped); queue-service keeps only ACTIVE
 * tokens' activity, so WAITING ones cost nothing there.
 */
@Component
class ActivityFilter implements GlobalFilter, Ordered {

    /** Right after the access filter (-100). */
    private static final int ORDER = -99;

    private final ActivityLog log;
    private final ActivityReporter reporter;
    private final Clock clock;

    ActivityFilter(ActivityLog log, ActivityReporter reporter, Clock clock) {
        this.log = log;
        this.reporter = reporter;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String tokenId = exchange.getRequest().getHeaders().getFirst(IdentityHeaders.TOKEN_ID);
        if (tokenId != null) {
            reporter.noted(log.note(tokenId, clock.millis()));
        }
        return chain.filter(exchange);
    }
}
