package dev.ticketing.gateway.upstream;

import io.micrometer.common.KeyValue;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * The gateway's own calls (signing keys, activity reports) all go to queue-service: named so in the
 * {@code client.name} tag of {@code http.client.requests}, not by the host, which is 127.0.0.1 for every service of
 * the local stack. (common-web has the general form; the gateway does not take common-web's web defaults.)
 */
public final class QueueServiceTarget extends DefaultClientRequestObservationConvention {

    private static final KeyValue QUEUE_SERVICE =
            KeyValue.of(ClientHttpObservationDocumentation.LowCardinalityKeyNames.CLIENT_NAME, "queue-service");

    @Override
    protected KeyValue clientName(ClientRequestObservationContext context) {
        return QUEUE_SERVICE;
    }
}
