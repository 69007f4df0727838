package dev.ticketing.web.load;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.netflix.concurrency.limits.Limiter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Bounds a reactive service's in-flight requests with {@link InFlightLimit#immediate}; the excess is answered
 * 503 SERVICE_BUSY with {@code Retry-After} at once (an event loop must never wait for a slot).
 *
 * <p>A request let in whose answer has not begun by {@link LoadSheddingProperties#deadline()} is shed too: its
 * work is cancelled and it is answered the same 503, and the limit hears of it as a drop (the sharpest sign of
 * overload). On a freshly started queue-service whose JVM was still compiling, joins waited past the gateway's 5 s
 * instead; the gateway counted those 504s as queue-service failing, opened its breaker and refused every join and
 * poll for ten seconds (402 timeouts, then 1,240 refusals, in one run). An answer already being written is left to
 * finish. What a cancelled request had already done stands; the services' public writes are idempotent (a join
 * again answers the same token and place), so the client's retry after {@code Retry-After} gets the same outcome.
 */
public class ReactiveLoadShedding implements WebFilter {

    private final InFlightLimit limit;
    private final long retryAfterSeconds;
    private final Duration deadline;

    public ReactiveLoadShedding(InFlightLimit limit, LoadSheddingProperties properties) {
        this.limit = limit;
        this.retryAfterSeconds = properties.retryAfterSeconds();
        this.deadline = properties.deadline();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!ShedRequests.limited(path)) {
            return chain.filter(exchange);
        }
        Optional<Limiter.Listener> slot = limit.acquire(path);
        if (slot.isEmpty()) {
            return shed(exchange.getResponse());
        }
        Limiter.Listener listener = slot.get();
        AtomicBoolean released = new AtomicBoolean();
        Mono<Void> handled = chain.filter(exchange);
        if (!deadline.isZero()) {
            ServerHttpResponse response = exchange.getResponse();
            // Fires only while nothing of the answer has gone out; past that the answer is left to finish.
            Mono<Long> unanswered = Mono.delay(deadline).filter(late -> !response.isCommitted())
                    .switchIfEmpty(Mono.never());
            handled = handled.timeout(unanswered, Mono.defer(() -> {
                if (released.compareAndSet(false, true)) {
                    listener.onDropped();
                }
                limit.shedLate();
                if (response.isCommitted()) {
                    return Mono.empty();
                }
                response.getHeaders().clear();
                return shed(response);
            }));
        }
        return handled.doFinally(signal -> {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(exchange.getResponse().getStatusCode() == null ? 200
                    : exchange.getResponse().getStatusCode().value());
            if (signal == SignalType.ON_COMPLETE && (status == null || !status.is5xxServerError())) {
                listener.onSuccess();
            } else {
                listener.onIgnore();
            }
        });
    }

    private Mono<Void> shed(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        response.getHeaders().set(ShedRequests.SHED_HEADER, "1");
        response.getHeaders().setContentType(MediaType.parseMediaType(ShedRequests.CONTENT_TYPE));
        DataBuffer body = response.bufferFactory().wrap(ShedRequests.body(retryAfterSeconds));
        return response.writeWith(Mono.just(body));
    }
}
