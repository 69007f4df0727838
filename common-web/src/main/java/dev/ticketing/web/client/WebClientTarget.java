package dev.ticketing.web.client;

import io.micrometer.common.KeyValue;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/** {@link RestClientTarget} for a {@code WebClient}: the called service as {@code client.name}, not the host. */
public final class WebClientTarget extends DefaultClientRequestObservationConvention {

    private final KeyValue clientName;

    public WebClientTarget(String service) {
        this.clientName = KeyValue.of(ClientHttpObservationDocumentation.LowCardinalityKeyNames.CLIENT_NAME, service);
    }

    @Override
    protected KeyValue clientName(ClientRequestObservationContext context) {
        return clientName;
    }
}
