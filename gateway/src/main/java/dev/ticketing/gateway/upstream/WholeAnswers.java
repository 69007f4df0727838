package dev.ticketing.gateway.upstream;

import java.util.List;
import java.util.function.Predicate;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's answer is passed on whole or not at all: its status line goes to the client only once its body has
 * arrived, up to {@value #WHOLE_UP_TO} bytes (every answer of the API; a longer one streams on from there, and
 * streaming media types always stream). An instance that dies, or stalls past the upstream timeout, in the middle of
 * an answer then gets the client a clear 503 or 504 {@code OUTCOME_UNKNOWN} ({@link UpstreamFailures}), as when it
 * dies before answering, instead of a status line followed by a cut connection that no client can read: a charge
 * cut that way left its client with neither the answer nor the advice to check it.
 *
 * <p>Innermost of the decorators of the response (just before Spring Cloud Gateway's
 * {@link NettyWriteResponseFilter}, which writes what the service sends): nothing is written, and so nothing
 * committed, until the first of what this passes on, and an error before it leaves the response open for the
 * problem answer. A body that arrives in one piece, as the services' JSON does, is passed on as it came, not
 * copied.
 */
@Component
class WholeAnswers implements GlobalFilter, Ordered {

    /** Just before {@link NettyWriteResponseFilter} (-1): its writes go through the decorator set here. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    /** Beyond this, an answer is passed on as it comes; no answer of the API comes near it. */
    static final int WHOLE_UP_TO = 1024 * 1024;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Whole(exchange)).build());
    }

    /** The service a route's answers come from: its breaker's name, or else the route's id. */
    private static String serviceOf(ServerWebExchange exchange) {
        String service = exchange.getAttribute(ServiceCircuitBreakerGatewayFilterFactory.SERVICE_ATTRIBUTE);
        if (service != null) {
            return service;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "the service";
    }

    private static final class Whole extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Whole(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpMethod method = exchange.getRequest().getMethod();
            Flux<DataBuffer> pieces = Flux.<DataBuffer>from(body)
                    // One list with the whole body when it ends within the bound; past it, the list up to there,
                    // then each further piece on its own.
                    .bufferUntil(new PastTheBound())
                    .map(WholeAnswers::joined)
                    .onErrorMap(failure -> UpstreamFailures.of(serviceOf(exchange), method, failure))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
            return super.writeWith(pieces);
        }
    }

    private static DataBuffer joined(List<DataBuffer> pieces) {
        return pieces.size() == 1 ? pieces.getFirst() : pieces.getFirst().factory().join(pieces);
    }

    /** True from the piece that takes the body past {@link #WHOLE_UP_TO} on; one per answer. */
    private static final class PastTheBound implements Predicate<DataBuffer> {

        private long bytes;

        @Override
        public boolean test(DataBuffer piece) {
            bytes += piece.readableByteCount();
            return bytes > WHOLE_UP_TO;
        }
    }
}
