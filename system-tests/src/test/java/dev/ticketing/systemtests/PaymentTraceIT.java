package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ticketing.systemtests.OtlpTraceReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.Test;

/**
 * One payment is one trace, as the services export it (to {@link SystemUnderTest#traces()}): the gateway's
 * {@code POST /payments}, payment-service, and through Kafka the consumers that confirm the reservation, sell the
 * seat and expire the token, each a descendant of the gateway's span.
 */
class PaymentTraceIT {

    /** Spans leave each service in batches every 5 s (Boot's default schedule delay). */
    private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(60);
    private static final List<String> SERVICES = List.of("gateway", "payment-service", "reservation-service",
            "concert-service", "queue-service");
    private static final List<String> CONSUMERS = List.of("reservation-service", "concert-service", "queue-service");

    @Test
    void onePaymentsTraceRunsFromTheGatewayThroughKafkaToTheSeatSoldAndTheTokenExpired() {
        OtlpTraceReceiver traces = SystemUnderTest.traces();
        Concerts.Concert concert = Concerts.create("traced");
        Fan fan = new Fan().join(concert.concertId()).awaitActive();
        fan.charge(80_000);
        String reservationId = fan.hold(concert, 7).json().path("reservationId").asString();
        // The services' clocks are this machine's; the margin only absorbs rounding.
        Instant beforePayment = Instant.now().minusMillis(500);

        assertThat(fan.pay(reservationId).status()).isEqualTo(201);

        await().atMost(EXPORTED_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ReceivedSpan payment = gatewayPaymentSpan(traces, beforePayment)
                    .orElseThrow(() -> new AssertionError("no gateway span for POST /api/v1/payments yet"));
            Map<String, ReceivedSpan> trace = traces.trace(payment.traceId());
            assertThat(trace.values()).extracting(ReceivedSpan::service).containsAll(SERVICES);
            for (String consumer : CONSUMERS) {
                assertThat(trace.values()).as(consumer + " consumed an event of this payment, in its trace")
                        .anySatisfy(span -> {
                            assertThat(span.service()).isEqualTo(consumer);
                            assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
                            assertThat(ancestorsOf(span, trace)).contains(payment.spanId());
                        });
            }
        });
    }

    private static Optional<ReceivedSpan> gatewayPaymentSpan(OtlpTraceReceiver traces, Instant notBefore) {
        return traces.spans().stream()
                .filter(span -> span.service().equals("gateway") && span.kind() == SpanKind.SPAN_KIND_SERVER)
                .filter(span -> "POST".equals(span.attributes().get("method"))
                        && "/api/v1/payments".equals(span.attributes().get("http.url")))
                .filter(span -> !span.start().isBefore(notBefore))
                .findFirst();
    }

    /** The span ids above {@code span}, its parent first, as far as the trace's spans reach. */
    private static List<String> ancestorsOf(ReceivedSpan span, Map<String, ReceivedSpan> trace) {
        List<String> ancestors = new ArrayList<>();
        ReceivedSpan current = span;
        while (!current.parentSpanId().isEmpty() && !ancestors.contains(current.parentSpanId())) {
            ancestors.add(current.parentSpanId());
            current = trace.get(current.parentSpanId());
            if (current == null) {
                break;
            }
        }
        return ancestors;
    }
}
