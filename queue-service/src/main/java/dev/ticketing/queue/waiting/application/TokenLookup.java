package dev.ticketing.queue.waiting.application;

import dev.ticketing.queue.waiting.domain.QueueEntry;

/** What the store knows about a presented token. */
public sealed interface TokenLookup {

    /** Live: WAITING with a position, or ACTIVE. */
    record Live(QueueEntry entry) implements TokenLookup {
    }

    /** It existed and has ended (expired, abandoned, paid, or past its ACTIVE time). */
    record Ended() implements TokenLookup {
    }

    /** The store does not know it, or it names another user or concert than it was issued for. */
    record Unknown() implements TokenLookup {
    }
}
