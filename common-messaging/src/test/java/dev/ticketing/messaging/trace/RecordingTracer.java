package dev.ticketing.messaging.trace;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The tracer the services run (Micrometer's OpenTelemetry bridge over the OpenTelemetry SDK, W3C propagation), with
 * every ended span kept in memory for the test to read.
 */
public final class RecordingTracer {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final Tracer tracer;
    private final EventTracing eventTracing;

    public RecordingTracer() {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Recorder(ended))).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        this.tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
        });
        ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        this.eventTracing = new MicrometerEventTracing(tracer, new OtelPropagator(w3c, otel));
    }

    public EventTracing eventTracing() {
        return eventTracing;
    }

    public Span startSpan(String name) {
        return tracer.nextSpan().name(name).start();
    }

    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /** The spans ended so far, oldest first. */
    public List<SpanData> ended() {
        return List.copyOf(ended);
    }

    /** {@code 00-<traceId>-<spanId>-01}: the W3C traceparent of a sampled span. */
    public static String traceParentOf(Span span) {
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
    }

    private record Recorder(List<SpanData> ended) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ended.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
