package dev.ticketing.concert.availability.adapter.messaging;

import java.time.Clock;
import java.time.Duration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.ticketing.concert.availability.application.ApplyingReservationEvents;
import dev.ticketing.concert.availability.application.ReadModelOutcome;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.EventTypes;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Feeds the seat availability read model from reservation.events. Thin: read the envelope, apply it,
 * count what it did once its transaction has committed. An unreadable record or one that does not fit the
 * catalog goes to reservation.events.DLT at once; other failures are retried first (common-messaging).
 */
@Component
class ReservationEventsListener {

    private final EventSerde serde;
    private final ApplyingReservationEvents applying;
    private final MeterRegistry meters;
    private final Clock clock;

    ReservationEventsListener(EventSerde serde, ApplyingReservationEvents applying, MeterRegistry meters, Clock clock) {
        this.serde = serde;
        this.applying = applying;
        this.meters = meters;
        this.clock = clock;
        // Every reservation event type's lag and applied count exist from start: the dashboards read 0, not nothing.
        EventTypes.all().stream().filter(ReservationEvent.class::isAssignableFrom).map(EventTypes::nameOf)
                .forEach(type -> {
                    lag(type);
                    meters.counter("ticketing.catalog.readmodel.applied", "type", type);
                });
    }

    @KafkaListener(topics = Topics.RESERVATION_EVENTS, groupId = ApplyingReservationEvents.CONSUMER)
    void on(byte[] record) {
        EventEnvelope<ReservationEvent> event = serde.read(record, ReservationEvent.class);
        ReadModelOutcome outcome = applying.apply(event);
        count(event.eventType(), outcome);
        if (outcome == ReadModelOutcome.APPLIED) {
            // How stale the listing was: from the change in reservation-service to its effect here.
            lag(event.eventType()).record(Duration.between(event.occurredAt(), clock.instant()));
        }
    }

    private Timer lag(String eventType) {
        return Timer.builder("ticketing.catalog.readmodel.lag").tag("type", eventType)
                .publishPercentileHistogram().register(meters);
    }

    /**
     * {@code ticketing.catalog.readmodel.applied{type}}: the seat changed; {@code ...ignored{type,reason}}:
     * it did not, because the event was a duplicate, stale, or one that never changes a seat.
     */
    private void count(String type, ReadModelOutcome outcome) {
        if (outcome == ReadModelOutcome.APPLIED) {
            meters.counter("ticketing.catalog.readmodel.applied", "type", type).increment();
        } else {
            meters.counter("ticketing.catalog.readmodel.ignored", "type", type,
                    "reason", outcome.name().toLowerCase()).increment();
        }
    }
}
