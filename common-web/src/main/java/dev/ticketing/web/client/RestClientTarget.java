package dev.ticketing.web.client;

import io.micrometer.common.KeyValue;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Names the service a {@code RestClient} calls in the {@code client.name} tag of {@code http.client.requests} and
 * in its spans. Spring's default is the URL's host, which is 127.0.0.1 for every service of the local stack, so
 * the calls to different services would share one series.
 */
public final class RestClientTarget extends DefaultClientRequestObservationConvention {

    private final KeyValue clientName;

    public RestClientTarget(String service) {
        this.clientName = KeyValue.of(ClientHttpObservationDocumentation.LowCardinalityKeyNames.CLIENT_NAME, service);
    }

    @Override
    protected KeyValue clientName(ClientRequestObservationContext context) {
        return clientName;
    }
}
