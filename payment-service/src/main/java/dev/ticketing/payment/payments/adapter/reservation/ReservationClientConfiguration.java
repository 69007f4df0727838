package dev.ticketing.payment.payments.adapter.reservation;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.ticketing.payment.payments.application.Reservations;

/** Wires the reservation client: HTTP with timeouts under Resilience4j instance "reservation-service". */
@Configuration(proxyBeanMethods = false)
class ReservationClientConfiguration {

    static final String RESILIENCE_INSTANCE = "reservation-service";

    /** Calls run on virtual threads: a slow reservation-service never ties up a platform thread. */
    @Bean(destroyMethod = "close")
    ExecutorService reservationCalls() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reservation-call-", 0).factory());
    }

    @Bean
    Reservations reservations(ReservationServiceProperties properties, ExecutorService reservationCalls,
                              CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.readTimeout()).executor(reservationCalls)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
        return new ReservationServiceClient(http, circuitBreakers.circuitBreaker(RESILIENCE_INSTANCE),
                timeLimiters.timeLimiter(RESILIENCE_INSTANCE), reservationCalls);
    }
}
