package dev.ticketing.events;

import java.util.UUID;

/** Events of {@value Topics#QUEUE_EVENTS}, keyed by token id: one token's life stays in order. */
public sealed interface QueueEvent extends DomainEvent permits TokenActivated, TokenExpired {

    UUID tokenId();

    UUID userId();

    UUID concertId();

    @Override
    default String topic() {
        return Topics.QUEUE_EVENTS;
    }

    @Override
    default String key() {
        return tokenId().toString();
    }

    @Override
    default String aggregateId() {
        return tokenId().toString();
    }
}
