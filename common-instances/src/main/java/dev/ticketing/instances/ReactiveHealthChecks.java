package dev.ticketing.instances;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Kept apart so that a servlet service without WebFlux never loads these classes. */
final class ReactiveHealthChecks {

    private ReactiveHealthChecks() {
    }

    static ServiceInstanceListSupplierBuilder apply(ServiceInstanceListSupplierBuilder builder) {
        HttpClient http = HttpClient.create()
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HealthCheckedInstances.CHECK_TIMEOUT.toMillis())
                .responseTimeout(HealthCheckedInstances.CHECK_TIMEOUT);
        return builder.withHealthChecks(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build());
    }
}
