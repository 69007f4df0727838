package dev.ticketing.messaging.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link EventTracing} over Micrometer Tracing: the application's tracer and propagator (W3C trace context), so the
 * stored context and the record headers are in the format every service reads.
 */
public final class MicrometerEventTracing implements EventTracing {

    static final String TRACE_PARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerEventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceParent() {
        Span current = tracer.currentSpan();
        return current == null ? null : headersOf(current.context()).get(TRACE_PARENT);
    }

    @Override
    public PublishSpan publishing(String topic, UUID eventId, String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return PublishSpan.NONE;
        }
        // Named and tagged like Spring Kafka's own producer spans, so the backends show both alike.
        Span span = propagator.extract(Map.of(TRACE_PARENT, traceParent), Map::get)
                .name(topic + " send")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation", "publish")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", eventId.toString())
                .start();
        return new RelayedPublish(span, headersOf(span.context()));
    }

    private Map<String, String> headersOf(TraceContext context) {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return Map.copyOf(headers);
    }

    private record RelayedPublish(Span span, Map<String, String> headers) implements PublishSpan {

        @Override
        public void end(Throwable failure) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }
}
