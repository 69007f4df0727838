package dev.ticketing.queue.waiting.adapter.messaging;

import java.time.Duration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.DomainEvent;
import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.EventSerde;
import dev.ticketing.events.HoldExpired;
import dev.ticketing.events.PaymentCompleted;
import dev.ticketing.events.PaymentRefunded;
import dev.ticketing.events.QueueEvent;
import dev.ticketing.events.ReservationConfirmed;
import dev.ticketing.events.ReservationHeld;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.events.TokenExpired;
import dev.ticketing.events.Topics;
import dev.ticketing.queue.waiting.application.ExpiringTokens;
import dev.ticketing.queue.waiting.application.ExpiringTokens.ExpireToken;
import dev.ticketing.queue.waiting.application.TrackingActivity;

/**
 * Ends tokens on events from elsewhere: PaymentCompleted (the holder paid: PAID) and HoldExpired (their hold ran
 * out: HOLD_EXPIRED), and notes ReservationHeld (a token holding a seat keeps its slot, however idle). Other
 * events on those topics are not the queue's business and are skipped. No inbox is needed: expiring an ended
 * token is a no-op, so a redelivery has no second effect. A failure (Redis down) is retried with back-off until
 * it heals, in order (common-messaging); only an unreadable record is dead-lettered, to
 * payment.events.queue-service.DLT or reservation.events.queue-service.DLT.
 */
@Component
class TokenEndingEventsListener {

    static final String GROUP = "queue-service";

    /** Listener threads may block; the wait is bounded so a stuck call fails into the retry instead of hanging. */
    private static final Duration EXPIRY_TIMEOUT = Duration.ofSeconds(5);

    private final EventSerde serde;
    private final ExpiringTokens expiring;
    private final TrackingActivity tracking;

    TokenEndingEventsListener(EventSerde serde, ExpiringTokens expiring, TrackingActivity tracking) {
        this.serde = serde;
        this.expiring = expiring;
        this.tracking = tracking;
    }

    @KafkaListener(topics = {Topics.PAYMENT_EVENTS, Topics.RESERVATION_EVENTS}, groupId = GROUP)
    void on(byte[] record) {
        EventEnvelope<DomainEvent> event = serde.read(record);
        switch (event.payload()) {
            case PaymentCompleted paid -> expire(new ExpireToken(paid.tokenId(), paid.userId(), TokenExpired.Reason.PAID));
            case HoldExpired hold -> expire(new ExpireToken(hold.tokenId(), hold.userId(),
                    TokenExpired.Reason.HOLD_EXPIRED));
            case ReservationHeld held -> tracking.holdingSeat(held.tokenId()).block(EXPIRY_TIMEOUT);
            // Not the queue's business. Listed rather than defaulted, so a new event type must be decided on here.
            case BalanceCharged ignored -> { }
            case PaymentRefunded ignored -> { }
            case ReservationConfirmed ignored -> { }
            case ReservationRejected ignored -> { }
            case QueueEvent ignored -> { } // the queue's own topic, not subscribed here
        }
    }

    private void expire(ExpireToken command) {
        expiring.expire(command).block(EXPIRY_TIMEOUT);
    }
}
