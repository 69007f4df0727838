package dev.ticketing.payment.payments.adapter.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.consumer.EventRejected;
import dev.ticketing.payment.payments.application.RefundNotApplicable;
import dev.ticketing.payment.payments.application.Refunding;

/**
 * Refunds payments whose reservation was rejected. Every other reservation event is none of this service's
 * business. A record that cannot be read, or a rejection that matches no payment of this service (a broken
 * contract), goes to reservation.events.payment-service.DLT at once; any other failure (the database away) is
 * retried until it heals (common-messaging).
 */
@Component
class ReservationEventsListener {

    private final EventSerde serde;
    private final Refunding refunding;

    ReservationEventsListener(EventSerde serde, Refunding refunding) {
        this.serde = serde;
        this.refunding = refunding;
    }

    @KafkaListener(topics = Topics.RESERVATION_EVENTS, groupId = Refunding.CONSUMER)
    void on(byte[] record) {
        EventEnvelope<ReservationEvent> event = serde.read(record, ReservationEvent.class);
        switch (event.payload()) {
            case ReservationRejected rejected -> refund(event, rejected);
            case ReservationHeld ignored -> { }
            case HoldExpired ignored -> { }
            case ReservationConfirmed ignored -> { }
        }
    }

    private void refund(EventEnvelope<ReservationEvent> event, ReservationRejected rejected) {
        try {
            refunding.refund(event.eventId(), rejected);
        } catch (RefundNotApplicable notOurs) {
            throw new EventRejected("rejection of payment " + rejected.paymentId() + " (event " + event.eventId()
                    + "): " + notOurs.getMessage(), notOurs);
        }
    }
}
