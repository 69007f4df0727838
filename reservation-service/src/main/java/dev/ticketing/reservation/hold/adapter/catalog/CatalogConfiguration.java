package dev.ticketing.reservation.hold.adapter.catalog;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.web.client.RestClient;

import dev.ticketing.reservation.config.ConcertServiceProperties;
import dev.ticketing.web.client.RestClientTarget;

/** Wires the catalog client: HTTP with timeouts, the Caffeine cache, Resilience4j instance "concert-service". */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    static final String RESILIENCE_INSTANCE = "concert-service";

    /**
     * Calls and cache loads run on virtual threads: a slow concert-service never ties up a platform thread. Each
     * carries the caller's observation over, so a call is a span of the hold's trace and sends its traceparent on.
     */
    @Bean(destroyMethod = "close")
    ExecutorService catalogCalls() {
        return ContextExecutorService.wrap(
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("catalog-", 0).factory()));
    }

    /** Typed as the class, not the port: its start-up call is an event listener of its own. */
    @Bean
    ConcertServiceCatalog catalog(ConcertServiceProperties properties, ExecutorService catalogCalls,
                    CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, MeterRegistry meters,
                    RestClient.Builder restClients, BlockingLoadBalancerInterceptor balancer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.readTimeout()).executor(catalogCalls)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        // Boot's builder: http.client.requests (client.name concert-service) and trace propagation come with it;
        // each call goes to one of concert-service's live instances.
        RestClient http = restClients.clone().baseUrl("http://" + RESILIENCE_INSTANCE).requestInterceptor(balancer)
                .requestFactory(requests)
                .observationConvention(new RestClientTarget(RESILIENCE_INSTANCE)).build();
        // Only found dates are kept; any other answer is shared by the calls waiting for it, then dropped.
        AsyncCache<ConcertServiceCatalog.ScheduleKey, CatalogAnswer> cache = Caffeine.newBuilder()
                .expireAfter(Expiry.creating((ConcertServiceCatalog.ScheduleKey key, CatalogAnswer answer) ->
                        answer instanceof CatalogAnswer.Found ? properties.cacheTtl() : Duration.ZERO))
                .maximumSize(properties.cacheMaxSize())
                .executor(catalogCalls)
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(meters, cache, "catalog");
        return new ConcertServiceCatalog(http, cache, circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE),
                timeLimiters.timeLimiter(RESILIENCE_INSTANCE), catalogCalls);
    }
}
