package dev.ticketing.gateway.seat;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticketing.identity.IdentityHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rush of holds on one seat costs reservation-service two calls per gateway, not one per fan. Holds for the same
 * seat ({@link HoldTarget}: concert, date, seat, with a token for that concert) go to the service one at a time
 * ({@link SeatLanes}); once the service answers one with 409 SEAT_UNAVAILABLE, that answer, byte for byte, is given
 * to every hold waiting for the seat and to every later one for {@link TakenSeatSettings#memory()} (1 s by default).
 * When a thousand fans go for one seat, the winner's hold and one loser's reach the service, and the rest are
 * answered in the gateway's event loop instead of each costing a proxied call and a servlet request.
 *
 * <p>Only a refusal is repeated, never a hold: the service's unique key stays the one arbiter of who holds a seat,
 * across gateways and service instances. The cost is staleness: a seat released within the memory is refused here a
 * moment longer (its hold expired or was voided; the seat map fans see is cached for half a second too).
 * Refusals given here are counted ({@code ticketing.gateway.taken_seat.refusals}) and are not booking-path requests:
 * this filter runs before {@code BookingPathFilter}, whose figures pace admission. A hold whose body is not exactly a
 * target, is over {@link #MAX_BODY_BYTES} or has no length is sent on untouched.
 */
@Component
class ContendedSeats implements GlobalFilter, Ordered {

    /** After AccessFilter (-100) and ActivityFilter (-99): a refused hold still needs its token and is activity. */
    static final int ORDER = -98;
    static final String HOLDS_PATH = "/api/v1/reservations";
    static final String SEAT_UNAVAILABLE = "SEAT_UNAVAILABLE";
    /** A hold's body is about 90 bytes. */
    static final int MAX_BODY_BYTES = 1024;

    private static final String ROUTE = "reservation-service";
    private static final byte[] NO_BODY = new byte[0];
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TakenSeatSettings settings;
    private final Cache<HoldTarget, Refusal> taken;
    private final SeatLanes lanes;
    private final Counter refusals;

    ContendedSeats(TakenSeatSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.taken = Caffeine.newBuilder()
                .expireAfterWrite(settings.memory())
                .maximumSize(settings.maxSeats())
                .build();
        this.lanes = new SeatLanes(settings.maxWait());
        this.refusals = Counter.builder("ticketing.gateway.taken_seat.refusals")
                .description("Holds refused at the gateway with reservation-service's answer to the same seat")
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!settings.enabled() || !isHold(exchange)) {
            return chain.filter(exchange);
        }
        long length = request.getHeaders().getContentLength();
        if (length < 1 || length > MAX_BODY_BYTES) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(ContendedSeats::bytes)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> {
                    Optional<HoldTarget> target = HoldTarget.of(body)
                            .filter(seat -> seat.concertId().equals(tokenConcert(request)));
                    if (target.isEmpty()) {
                        return send(exchange, chain, body, null, false);
                    }
                    HoldTarget seat = target.get();
                    Refusal known = taken.getIfPresent(seat);
                    if (known != null) {
                        return repeat(exchange.getResponse(), known);
                    }
                    if (!settings.collapsing()) {
                        return send(exchange, chain, body, seat, false);
                    }
                    return lanes.turn(seat).flatMap(turn -> switch (turn) {
                        case SeatLanes.Repeat repeat -> repeat(exchange.getResponse(), repeat.refusal());
                        case SeatLanes.Go go -> send(exchange, chain, body, seat, go.inLane());
                    });
                });
    }

    /**
     * Sends the hold on with its body; learns the seat's refusal from the answer, and when the hold is the seat's one
     * in flight, tells its lane how it ended.
     */
    private Mono<Void> send(ServerWebExchange exchange, GatewayFilterChain chain, byte[] body, HoldTarget seat,
                            boolean inLane) {
        ServerHttpResponse response = exchange.getResponse();
        ServerWebExchange.Builder sent = exchange.mutate()
                .request(new BodyAgain(exchange.getRequest(), body, response.bufferFactory()));
        if (seat == null) {
            return chain.filter(sent.build());
        }
        Learning learning = new Learning(response, seat);
        Mono<Void> call = chain.filter(sent.response(learning).build());
        if (!inLane) {
            return call;
        }
        return call.doFinally(signal -> {
            HttpStatusCode status = response.getStatusCode();
            boolean failed = signal != SignalType.ON_COMPLETE || status == null || status.is5xxServerError();
            lanes.answered(seat, learning.refusal, failed);
        });
    }

    private static boolean isHold(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        ServerHttpRequest request = exchange.getRequest();
        return route != null && ROUTE.equals(route.getId()) && HttpMethod.POST.equals(request.getMethod())
                && HOLDS_PATH.equals(request.getPath().value());
    }

    /** The concert of the verified token (AccessFilter set the header from it), or null. */
    private static UUID tokenConcert(ServerHttpRequest request) {
        String concert = request.getHeaders().getFirst(IdentityHeaders.CONCERT_ID);
        try {
            return concert == null ? null : UUID.fromString(concert);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Mono<Void> repeat(ServerHttpResponse response, Refusal refusal) {
        refusals.increment();
        response.setStatusCode(HttpStatus.CONFLICT);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, refusal.contentType());
        headers.setContentLength(refusal.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(refusal.body())));
    }

    private static byte[] bytes(DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        return bytes;
    }

    private static boolean isSeatTaken(byte[] problem) {
        try {
            JsonNode code = JSON.readTree(problem).get("code");
            return code != null && code.isString() && SEAT_UNAVAILABLE.equals(code.stringValue());
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The request with its body already read, given again to each attempt (InstanceFailover may send it twice). */
    private static final class BodyAgain extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final DataBufferFactory buffers;

        BodyAgain(ServerHttpRequest delegate, byte[] body, DataBufferFactory buffers) {
            super(delegate);
            this.body = body;
            this.buffers = buffers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(buffers.wrap(body)));
        }
    }

    /** Passes the service's answer on, and remembers a 409 SEAT_UNAVAILABLE for the seat. */
    private final class Learning extends ServerHttpResponseDecorator {

        private final HoldTarget seat;
        private volatile Refusal refusal;

        Learning(ServerHttpResponse delegate, HoldTarget seat) {
            super(delegate);
            this.seat = seat;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            String contentType = getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            if (!HttpStatus.CONFLICT.equals(getStatusCode()) || contentType == null) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = bytes(joined);
                if (isSeatTaken(bytes)) {
                    refusal = new Refusal(contentType, bytes);
                    taken.put(seat, refusal);
                }
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }
    }
}
