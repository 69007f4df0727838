package dev.ticketing.web.load;

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
 */
public class ReactiveLoadShedding implements WebFilter {

    private final InFlightLimit limit;
    private final long retryAfterSeconds;

    public ReactiveLoadShedding(InFlightLimit limit, LoadSheddingProperties properties) {
        this.limit = limit;
        this.retryAfterSeconds = properties.retryAfterSeconds();
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
        return chain.filter(exchange).doFinally(signal -> {
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
