package dev.ticketing.gateway.upstream;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
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
 *
 * <p>The breaker is Resilience4j's, from Spring Cloud's registry (so its meters are the usual
 * {@code resilience4j_circuitbreaker_*}), asked directly: Spring Cloud's {@code ReactiveCircuitBreaker.run} looks the
 * breaker and its time limiter up again on every call and adds a {@code timeout} operator, a scheduled task per
 * request, which with the Reactor operator around it cost about a tenth of a queue poll's CPU in the gateway (JFR,
 * wrk at 64 connections). The time limit is the HTTP client's response timeout
 * ({@link UpstreamSettings#upstreamTimeout()}); a call that exceeds it fails like any other.
 */
@Component
public class ServiceCircuitBreakerGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

    /** common-web's mark on a deliberate shed (ShedRequests.SHED_HEADER). */
    static final String SHED_HEADER = "Ticketing-Shed";
    /** The exchange attribute naming the service a request went to (for {@link WholeAnswers}' failures). */
    static final String SERVICE_ATTRIBUTE = ServiceCircuitBreakerGatewayFilterFactory.class.getName() + ".service";

    private final ReactiveResilience4JCircuitBreakerFactory breakers;

    public ServiceCircuitBreakerGatewayFilterFactory(ReactiveResilience4JCircuitBreakerFactory breakers) {
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
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry()
                .circuitBreaker(service, CircuitBreakerDefaults.SERVICE_BREAKER);
        return (exchange, chain) -> {
            exchange.getAttributes().put(SERVICE_ATTRIBUTE, service);
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(UpstreamFailures.of(service, exchange.getRequest().getMethod(),
                        CallNotPermittedException.createCallNotPermittedException(breaker)));
            }
            long start = breaker.getCurrentTimestamp();
            return chain.filter(exchange)
                    .doOnSuccess(done -> recordAnswer(breaker, start, exchange))
                    .onErrorMap(failure -> {
                        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
                        return UpstreamFailures.of(service, exchange.getRequest().getMethod(), failure);
                    })
                    // The client went away before an answer: the call says nothing about the service.
                    .doOnCancel(breaker::releasePermission);
        };
    }

    /** A 5xx answer is a failure, a shed neither failure nor success (ignored), anything else a success. */
    private static void recordAnswer(CircuitBreaker breaker, long start, ServerWebExchange exchange) {
        long duration = breaker.getCurrentTimestamp() - start;
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || !status.is5xxServerError()) {
            breaker.onSuccess(duration, breaker.getTimestampUnit());
        } else if (exchange.getResponse().getHeaders().containsHeader(SHED_HEADER)) {
            breaker.onError(duration, breaker.getTimestampUnit(), new ShedAnswered());
        } else {
            breaker.onError(duration, breaker.getTimestampUnit(), new ServerErrorAnswered());
        }
    }

    /**
     * A deliberate shed: recorded only so that the breaker's call ends without a failure (an ignored exception, see
     * CircuitBreakerDefaults); never reaches the client.
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
