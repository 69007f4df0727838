package dev.ticketing.reservation.hold.adapter.payment;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.ticketing.reservation.config.PaymentServiceProperties;
import dev.ticketing.reservation.hold.application.Settlements;

/** Wires the payment-service settlement client with its timeouts. */
@Configuration(proxyBeanMethods = false)
class SettlementsConfiguration {

    @Bean
    Settlements settlements(PaymentServiceProperties properties) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.readTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        return new PaymentServiceSettlements(RestClient.builder().baseUrl(properties.url()).requestFactory(requests)
                .build());
    }
}
