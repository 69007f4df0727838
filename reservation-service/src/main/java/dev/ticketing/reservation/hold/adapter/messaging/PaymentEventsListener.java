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
import dev.ticketing.reservation.hold.application.SettlingPayment;

/**
 * Completed payments confirm or reject their reservation. The other payment events are not this service's
 * business. A record that cannot be read, or keeps failing, goes to payment.events.DLT (common-messaging).
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
            case PaymentCompleted paid -> settling.settle(event.eventId(), paid);
            case BalanceCharged ignored -> {
            }
            case PaymentRefunded ignored -> {
            }
        }
    }
}
