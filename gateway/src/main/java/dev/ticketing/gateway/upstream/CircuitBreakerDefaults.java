package dev.ticketing.gateway.upstream;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * One configuration for every service's circuit breaker ({@link ServiceCircuitBreakerGatewayFilterFactory}).
 *
 * <p>No TimeLimiter: the deadline for a service's answer is the HTTP client's response timeout
 * ({@link UpstreamSettings#upstreamTimeout()}), and a call that exceeds it ends in an error the breaker records as a
 * failure, so there is one deadline and nothing can silently cut it short (Resilience4j's default limit is 1 s).
 */
final class CircuitBreakerDefaults {

    // Judge a service on the calls of its last 10 s, but only once 10 have been made, so a single early failure
    // after start-up does not open the breaker. A window of time, not of calls: at an on-sale's hundreds of calls
    // a second, a window of the last 20 calls opened on a one-second blip (77 Redis timeouts in queue-service
    // while the machine was starved) and then refused 1,292 joins in the 10 s open; over 10 s those were 4 %.
    // A dead or hung service still fails every call and opens it within the response timeout plus a few calls.
    private static final Duration SLIDING_WINDOW = Duration.ofSeconds(10);
    private static final int MINIMUM_CALLS = 10;
    private static final float FAILURE_RATE_PERCENT = 50;
    // Long enough for a restarting service to come up, short enough that users are not locked out for long.
    private static final Duration OPEN_DURATION = Duration.ofSeconds(10);
    private static final int HALF_OPEN_TRIAL_CALLS = 5;

    static final CircuitBreakerConfig SERVICE_BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowType(SlidingWindowType.TIME_BASED)
            .slidingWindowSize((int) SLIDING_WINDOW.toSeconds())
            .minimumNumberOfCalls(MINIMUM_CALLS)
            .failureRateThreshold(FAILURE_RATE_PERCENT)
            .waitDurationInOpenState(OPEN_DURATION)
            .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_TRIAL_CALLS)
            // A deliberate shed is the service protecting itself, neither success nor failure.
            .ignoreExceptions(ServiceCircuitBreakerGatewayFilterFactory.ShedAnswered.class)
            .build();

    private CircuitBreakerDefaults() {
    }
}
