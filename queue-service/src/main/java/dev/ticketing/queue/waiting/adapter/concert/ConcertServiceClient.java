package dev.ticketing.queue.waiting.adapter.concert;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.event.EventListener;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ticketing.queue.config.ConcertServiceProperties;
import dev.ticketing.queue.waiting.application.ConcertCatalog;
import dev.ticketing.queue.waiting.application.DependencyUnavailable;
import dev.ticketing.web.client.WebClientTarget;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks concert-service ({@code GET /internal/v1/concerts/{id}}) whether a concert exists, behind a time limit and
 * a circuit breaker: a slow or failing concert-service makes joins answer 503 quickly instead of piling up. Known
 * concerts are remembered for good (the catalog is immutable once created), so only the first join per concert
 * and instance, and joins for unknown ids, make the call. Unknown ids are not remembered: the concert may be
 * created a moment later. The memory is bounded by the catalog, since only ids that exist are kept.
 *
 * <p>Joins that ask about the same concert while a call for it is under way wait for that call's answer instead of
 * making their own: the first second of an on-sale brings a hundred joins for a concert no instance knows yet,
 * and one call each would put them all on concert-service at once, just when it is coldest. A failed call is
 * every waiting join's answer (503 at once) and is not remembered: the next join asks again.
 */
@Component
class ConcertServiceClient implements ConcertCatalog {

    private static final Logger log = LoggerFactory.getLogger(ConcertServiceClient.class);
    private static final String DEPENDENCY = "concert-service";

    private final WebClient http;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<UUID, Mono<Boolean>> underWay = new ConcurrentHashMap<>();

    ConcertServiceClient(ConcertServiceProperties properties, MeterRegistry meters, WebClient.Builder webClients,
                        LoadBalancedExchangeFilterFunction balancer) {
        Duration timeout = properties.timeout();
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                .responseTimeout(timeout);
        // Boot's builder: http.client.requests (client.name concert-service) and trace propagation come with it;
        // each call goes to one of concert-service's live instances.
        this.http = webClients.clone().baseUrl("http://" + DEPENDENCY).filter(balancer)
                .clientConnector(new ReactorClientHttpConnector(client))
                .observationConvention(new WebClientTarget(DEPENDENCY)).build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                // The calls of the last 10 s, not the last 20: a one-second stall in a burst must not open it.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        this.breaker = breakers.circuitBreaker(DEPENDENCY);
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(timeout)
                .build());
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
        this.timeLimiter = timeLimiters.timeLimiter(DEPENDENCY);
    }

    /**
     * One lookup, of an id no concert has, once the service is up and before any fan needs one: the first call
     * through this client builds its connection pool, codecs and observation and loads their classes, and an
     * on-sale's first joins, all waiting on that call, ran into its time limit while it did so (2.2 s on a busy
     * machine: 128 joins answered 503 at once). Not awaited; whatever it finds is forgotten.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        ask(UUID.randomUUID()).subscribe(
                exists -> log.debug("concert_lookup_warmed_up"),
                e -> log.info("concert_lookup_not_warmed_up cause=\"{}\"", String.valueOf(e.getCause())));
    }

    @Override
    public Mono<Boolean> exists(UUID concertId) {
        if (known.contains(concertId)) {
            return Mono.just(true);
        }
        return underWay.computeIfAbsent(concertId, this::ask);
    }

    /**
     * One call, shared by everyone who asks while it runs: cached, so that a joiner who goes away does not cancel
     * it for the others, and forgotten once it has an answer.
     */
    private Mono<Boolean> ask(UUID concertId) {
        return http.get().uri("/internal/v1/concerts/{concertId}", concertId)
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().thenReturn(true);
                    }
                    if (response.statusCode().value() == 404) {
                        return response.releaseBody().thenReturn(false);
                    }
                    return response.createException().flatMap(Mono::error);
                })
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .doOnNext(exists -> {
                    if (exists) {
                        known.add(concertId);
                    }
                })
                .onErrorMap(e -> new DependencyUnavailable(DEPENDENCY, e))
                .doFinally(signal -> underWay.remove(concertId))
                .cache();
    }
}
