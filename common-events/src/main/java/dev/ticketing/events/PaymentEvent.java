package dev.ticketing.events;

import java.util.UUID;

/**
 * Events of {@value Topics#PAYMENT_EVENTS}, keyed by user id: a user's balance changes are totally
 * ordered, so {@code balance} in each event can be read as the running balance after it.
 */
public sealed interface PaymentEvent extends DomainEvent
        permits BalanceCharged, PaymentCompleted, PaymentRefunded {

    UUID userId();

    /** The user's balance (KRW) right after this event. */
    long balance();

    @Override
    default String topic() {
        return Topics.PAYMENT_EVENTS;
    }

    @Override
    default String key() {
        return userId().toString();
    }
}
