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
 *
 * <p>What counts as a failure, deliberately:
 * <ul>
 *   <li>refused or timed-out connections, answers slower than the time limit and connections lost before an
 *       answer: failure. The client gets 503 SERVICE_UNAVAILABLE naming the service ({@link
 *       ServiceUnavailable}) where the request never reached it or repeating it is harmless, and 504
 *       OUTCOME_UNKNOWN ({@link OutcomeUnknown}) where a POST may have been applied ({@link
 *       UpstreamFailures});</li>
 *   <li>a 5xx answered by the service: failure (a service never answers 5xx to what a client sent, so a 5xx means
 *       the service is in trouble), but its answer is passed to the client unchanged, body included;</li>
 *   <li>a deliberate shed (503 SERVICE_BUSY marked {@value #SHED_HEADER}): not counted at all, and passed through
 *       with its {@code Retry-After}. A healthy service bounding its work in a burst must not be cut off for it;</li>
 *   <li>any other answer, 4xx included: success, passed through unchanged (a 404 or 409 is the service working).</li>
 * </ul>
 * The stock {@code CircuitBreaker} filter cannot count a 5xx and still pass it through (its status codes always
 * trigger the fallback), and its {@code forward:} fallback caches every request body for a replay; so this filter
 * runs the same breaker and lets the error handler write the 503 or 504.
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
