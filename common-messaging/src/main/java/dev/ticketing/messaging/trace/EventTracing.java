package dev.ticketing.messaging.trace;

import java.util.Map;
import java.util.UUID;

/**
 * Carries a trace across the outbox. The transaction that writes an event stores the current trace context with it
 * (a W3C {@code traceparent}); the relay, which publishes from its own thread long after, opens a producer span as
 * that context's child and puts the span's {@code traceparent} on the record's headers, so each consumer continues
 * the same trace. An event stored without one (written outside a trace, or before the column existed) is published
 * as ever, without headers.
 */
public interface EventTracing {

    /** No tracer in the application: nothing stored, nothing on the headers. */
    EventTracing OFF = new EventTracing() {

        @Override
        public String currentTraceParent() {
            return null;
        }

        @Override
        public PublishSpan publishing(String topic, UUID eventId, String traceParent) {
            return PublishSpan.NONE;
        }
    };

    /** The current span as a W3C {@code traceparent}, to store with an event written now; null outside a trace. */
    String currentTraceParent();

    /** Starts the span of publishing an event, a child of the {@code traceParent} it was stored with. */
    PublishSpan publishing(String topic, UUID eventId, String traceParent);

    /** A publish in progress: the headers that carry its span to the consumers, ended when Kafka answers. */
    interface PublishSpan {

        PublishSpan NONE = new PublishSpan() {

            @Override
            public Map<String, String> headers() {
                return Map.of();
            }

            @Override
            public void end(Throwable failure) {
            }
        };

        Map<String, String> headers();

        /** Ends the span; {@code failure} is null when Kafka acknowledged the record. */
        void end(Throwable failure);
    }
}
