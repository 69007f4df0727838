package dev.ticketing.gateway.upstream;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends each proxied request on in the trace of the gateway's server span: its W3C {@code traceparent} replaces
 * whatever the client sent. Spring Cloud Gateway's own observation of proxied calls would do this too, but it is
 * off (application.yml: it repeats http.server.requests at a measured cost); this costs a header, written into the
 * copy of the headers that the filters before it made when there is one (a copy of every header cost 2 % of a
 * queue poll's CPU).
 */
@Component
class UpstreamTraceContext implements HttpHeadersFilter {

    private final Propagator propagator;

    UpstreamTraceContext(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span serverSpan = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElse(null);
        if (serverSpan == null) {
            return input;
        }
        try {
            // A writable input is a copy an earlier header filter made for this request: add to it.
            propagator.inject(serverSpan.context(), input, HttpHeaders::set);
            return input;
        } catch (UnsupportedOperationException readOnly) {
            // The request's own headers, read-only.
            HttpHeaders forwarded = new HttpHeaders();
            forwarded.addAll(input);
            propagator.inject(serverSpan.context(), forwarded, HttpHeaders::set);
            return forwarded;
        }
    }
}
