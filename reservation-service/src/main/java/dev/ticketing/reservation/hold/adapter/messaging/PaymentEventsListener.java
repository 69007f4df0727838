package dev.ticketing.reservation.hold.adapter.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.PaymentEvent;
import dev.ticketing.events.PaymentRefunded;
import dev.ticketing.events.Topics;
import dev.ticketing.messaging.consumer.EventRejected;
import dev.ticketing.reservation.hold.application.ReservationNotFound;
import dev.ticketing.reservation.hold.application.SettlingPayment;

/**
 * Completed payments confirm or reject their reservation. The other payment events are not this service's
 * business. A record that cannot be read, or a payment for a reservation this service never had (a broken
 * contract, not a state that a retry can change), goes to payment.events.reservation-service.DLT at once; any
 * other failure (the database away) is retried until it heals (common-messaging).
 */
@Component
class PaymentEventsListener {

    private final EventSerde serde;
    private final SettlingPayment settling;

    PaymentEventsListener(EventSerde serde, SettlingPayment settling) {
        this.serde = serde;
        this.settling = settling;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS, groupId = SettlingPayment.CONSUMER)
    void on(byte[] record) {
        EventEnvelope<PaymentEvent> event = serde.read(record, PaymentEvent.class);
        switch (event.payload()) {
            case PaymentCompleted paid -> settle(event, paid);
            case BalanceCharged ignored -> {
            }
            case PaymentRefunded ignored -> {
            }
        }
    }

    private void settle(EventEnvelope<PaymentEvent> event, PaymentCompleted paid) {
        try {
            settling.settle(event.eventId(), paid);
        } catch (ReservationNotFound unknown) {
            throw new EventRejected("payment " + paid.paymentId() + " (event " + event.eventId() + "): "
                    + unknown.getMessage(), unknown);
        }
    }
}
