package dev.ticketing.queue.waiting.domain;

/** The life of a queue token: {@code WAITING → ACTIVE → EXPIRED}, or {@code WAITING → EXPIRED} when abandoned. */
public enum TokenStatus {
    WAITING,
    ACTIVE,
    EXPIRED
}
