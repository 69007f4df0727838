package dev.ticketing.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

class MicrometerEventTracingTest {

    private static final String TOPIC = "payment.events";

    private final RecordingTracer recording = new RecordingTracer();
    private final EventTracing tracing = recording.eventTracing();

    @Test
    void anEventWrittenInASpanStoresThatSpansTraceParent() {
        Span request = recording.startSpan("POST /payments");
        try (Tracer.SpanInScope scope = recording.inScope(request)) {
            assertThat(tracing.currentTraceParent()).isEqualTo(RecordingTracer.traceParentOf(request));
        } finally {
            request.end();
        }
    }

    @Test
    void anEventWrittenOutsideATraceStoresNothing() {
        assertThat(tracing.currentTraceParent()).isNull();
    }

    @Test
    void anEventIsPublishedInAProducerSpanThatIsAChildOfTheStoredContextAndRidesOnTheHeaders() {
        Span request = recording.startSpan("POST /payments");
        String stored = RecordingTracer.traceParentOf(request);
        request.end();
        UUID eventId = UUID.randomUUID();

        EventTracing.PublishSpan publish = tracing.publishing(TOPIC, eventId, stored);
        publish.end(null);

        SpanData producer = recording.ended().getLast();
        assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(producer.getName()).isEqualTo("payment.events send");
        assertThat(producer.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(producer.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(producer.getAttributes().asMap()).containsValue(eventId.toString());
        assertThat(publish.headers()).containsEntry("traceparent",
                "00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01");
    }

    @Test
    void anEventStoredWithoutATraceIsPublishedWithoutHeadersOrSpans() {
        EventTracing.PublishSpan publish = tracing.publishing(TOPIC, UUID.randomUUID(), null);
        publish.end(null);

        assertThat(publish.headers()).isEmpty();
        assertThat(recording.ended()).isEmpty();
    }

    @Test
    void aPublishKafkaRefusedEndsItsSpanAsAnError() {
        Span request = recording.startSpan("POST /payments");
        request.end();

        tracing.publishing(TOPIC, UUID.randomUUID(), RecordingTracer.traceParentOf(request))
                .end(new IllegalStateException("broker unreachable"));

        assertThat(recording.ended().getLast().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
}
