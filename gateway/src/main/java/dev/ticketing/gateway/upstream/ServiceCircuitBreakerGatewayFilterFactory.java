package dev.ticketing.gateway.upstream;

import java.util.List;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts a route behind its service's Resilience4j circuit breaker ({@code ServiceCircuitBreaker=concert-service}).
 * Failures: refused, timed-out or lost connections (the client gets 503 {@link ServiceUnavailable}, or 504
 * {@link OutcomeUnknown} where a POST may have been applied: {@link UpstreamFailures}) and a service's own 5xx
 * (passed through unchanged). Not counted: a deliberate shed (503 marked {@value #SHED_HEADER}, passed through
 * with its {@code Retry-After}), so a healthy service bounding its work is not cut off. Anything else, 4xx
 * included, is success. The stock {@code CircuitBreaker} filter cannot count a 5xx and still pass it through,
 * and its {@code forward:} fallback caches every request body.
 */
@Component
public class ServiceCircuitBreakerGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

    /** common-web's mark on a deliberate shed (ShedRequests.SHED_HEADER). */
    static final String SHED_HEADER = "Ticketing-Shed";

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    public ServiceCircuitBreakerGatewayFilterFactory(ReactiveCircuitBreakerFactory<?, ?> breakers) {
        super(Config.class);
        this.breakers = breakers;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("service");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String service = config.getService();
        ReactiveCircuitBreaker breaker = breakers.create(service);
        return (exchange, chain) -> breaker.run(
                chain.filter(exchange).then(Mono.defer(() -> failOnServerError(exchange))),
                failure -> failure instanceof ServerErrorAnswered || failure instanceof ShedAnswered
                        ? Mono.empty()
                        : Mono.error(UpstreamFailures.of(service, exchange.getRequest().getMethod(), failure)));
    }

    private static Mono<Void> failOnServerError(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || !status.is5xxServerError()) {
            return Mono.empty();
        }
        return exchange.getResponse().getHeaders().containsHeader(SHED_HEADER)
                ? Mono.error(new ShedAnswered()) : Mono.error(new ServerErrorAnswered());
    }

    /**
     * A deliberate shed: raised only so that the breaker's call ends without a failure being recorded (an ignored
     * exception, see CircuitBreakerDefaults); never reaches the client.
     */
    static final class ShedAnswered extends RuntimeException {
        ShedAnswered() {
            super("service shed the request", null, false, false);
        }
    }

    /** Marks a 5xx answer for the breaker's statistics; never reaches the client. */
    private static final class ServerErrorAnswered extends RuntimeException {
        ServerErrorAnswered() {
            super("service answered 5xx", null, false, false);
        }
    }

    public static class Config {

        private String service;

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }
    }
}
