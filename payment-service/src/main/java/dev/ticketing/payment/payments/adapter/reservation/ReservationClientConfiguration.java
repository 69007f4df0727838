package dev.ticketing.payment.payments.adapter.reservation;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.context.ContextExecutorService;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.web.client.RestClient;

import dev.ticketing.payment.payments.application.Reservations;
import dev.ticketing.web.client.RestClientTarget;

/** Wires the reservation client: HTTP with timeouts under Resilience4j instance "reservation-service". */
@Configuration(proxyBeanMethods = false)
class ReservationClientConfiguration {

    static final String RESILIENCE_INSTANCE = "reservation-service";

    /**
     * Calls run on virtual threads: a slow reservation-service never ties up a platform thread. Each carries the
     * caller's observation over, so the call is a span of the payment's trace and sends its traceparent on.
     */
    @Bean(destroyMethod = "close")
    ExecutorService reservationCalls() {
        return ContextExecutorService.wrap(
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reservation-call-", 0).factory()));
    }

    @Bean
    Reservations reservations(ReservationServiceProperties properties, ExecutorService reservationCalls,
                              CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
                              RestClient.Builder restClients, BlockingLoadBalancerInterceptor balancer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.readTimeout()).executor(reservationCalls)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        // Boot's builder: http.client.requests (client.name reservation-service) and trace propagation come with it;
        // each call goes to one of reservation-service's live instances.
        RestClient http = restClients.clone().baseUrl("http://" + RESILIENCE_INSTANCE).requestInterceptor(balancer)
                .requestFactory(requests)
                .observationConvention(new RestClientTarget(RESILIENCE_INSTANCE)).build();
        return new ReservationServiceClient(http, circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE),
                timeLimiters.timeLimiter(RESILIENCE_INSTANCE), reservationCalls);
    }
}
