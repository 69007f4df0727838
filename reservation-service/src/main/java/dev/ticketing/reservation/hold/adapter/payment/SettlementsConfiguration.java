package dev.ticketing.reservation.hold.adapter.payment;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.web.client.RestClient;

import dev.ticketing.reservation.config.PaymentServiceProperties;
import dev.ticketing.reservation.hold.application.Settlements;
import dev.ticketing.web.client.RestClientTarget;

/** Wires the payment-service settlement client with its timeouts. */
@Configuration(proxyBeanMethods = false)
class SettlementsConfiguration {

    @Bean
    Settlements settlements(PaymentServiceProperties properties, RestClient.Builder restClients,
                            BlockingLoadBalancerInterceptor balancer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.readTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        // Boot's builder: http.client.requests (client.name payment-service) and trace propagation come with it;
        // each call goes to one of payment-service's live instances (a settlement is not repeated on another: the
        // hold stays HELD and is asked again).
        return new PaymentServiceSettlements(restClients.clone().baseUrl("http://payment-service")
                .requestInterceptor(balancer).requestFactory(requests)
                .observationConvention(new RestClientTarget("payment-service")).build());
    }
}
