package dev.ticketing.gateway.upstream;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One configuration for every service's circuit breaker.
 *
 * <p>The TimeLimiter is set on purpose: Resilience4j's default of 1 s would cut every call that takes longer,
 * whatever the HTTP client's response timeout says. It uses {@link UpstreamSettings#upstreamTimeout()}, the same
 * value as {@code httpclient.response-timeout}, since both measure the same span (request sent until response
 * headers arrive). Whichever fires, the breaker records a failure and the client gets 503.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerDefaults {

    // Judge a service on the calls of its last 10 s, but only once 10 have been made, so a single early failure
    // after start-up does not open the breaker. A window of time, not of calls: at an on-sale's hundreds of calls
    // a second, a window of the last 20 calls opened on a one-second blip (77 Redis timeouts in queue-service
    // while the machine was starved) and then refused 1,292 joins in the 10 s open; over 10 s those were 4 %.
    // A dead or hung service still fails every call and opens it within the time limit plus a few calls.
    private static final Duration SLIDING_WINDOW = Duration.ofSeconds(10);
    private static final int MINIMUM_CALLS = 10;
    private static final float FAILURE_RATE_PERCENT = 50;
    // Long enough for a restarting service to come up, short enough that users are not locked out for long.
    private static final Duration OPEN_DURATION = Duration.ofSeconds(10);
    private static final int HALF_OPEN_TRIAL_CALLS = 5;

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakerDefaults(UpstreamSettings settings) {
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
                .timeoutDuration(settings.upstreamTimeout())
                .cancelRunningFuture(true)
                .build();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) SLIDING_WINDOW.toSeconds())
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(FAILURE_RATE_PERCENT)
                .waitDurationInOpenState(OPEN_DURATION)
                .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_TRIAL_CALLS)
                // A deliberate shed is the service protecting itself, neither success nor failure.
                .ignoreExceptions(ServiceCircuitBreakerGatewayFilterFactory.ShedAnswered.class)
                .build();
        return factory -> factory.configureDefault(service -> new Resilience4JConfigBuilder(service)
                .timeLimiterConfig(timeLimit)
                .circuitBreakerConfig(breaker)
                .build());
    }
}
