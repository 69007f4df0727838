package dev.ticketing.gateway.activity;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Times the booking requests (POSTs to reservation-service and payment-service: holds, payments, balance charges)
 * for the booking-path figures the activity report carries, so that queue-service admits as fast as that path
 * takes. A request that ends in an error (no answer, timeout, open breaker) counts as failed, as does any 5xx; one
 * the client gave up on is not counted.
 */
@Component
class BookingPathFilter implements GlobalFilter, Ordered {

    private static final Set<String> BOOKING_ROUTES = Set.of("reservation-service", "payment-service");
    /** After the activity filter and ContendedSeats (-98): what is timed is the routing and the service. */
    private static final int ORDER = -97;

    private final BookingPathRecorder recorder;

    BookingPathFilter(BookingPathRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !BOOKING_ROUTES.contains(route.getId())
                || !HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            if (signal == SignalType.CANCEL) {
                return;
            }
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            boolean failed = signal == SignalType.ON_ERROR || status == null || status.is5xxServerError();
            recorder.record((System.nanoTime() - started) / 1_000_000, failed);
        });
    }
}
