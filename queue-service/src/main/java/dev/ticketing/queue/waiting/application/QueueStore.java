package dev.ticketing.queue.waiting.application;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.QueueEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the lines live. Every method is one atomic step in the store, and every state change it makes is
 * recorded together with its event (TokenActivated, TokenExpired), so that neither can happen without the other.
 * Failures to reach the store surface as {@link QueueUnavailableException}.
 */
public interface QueueStore {

    /** Puts the user in the concert's line under {@code newTokenId}, or finds the live token they already have. */
    Mono<Joined> join(UUID concertId, UUID userId, UUID newTokenId, Instant now);

    /** Where a token stands now; a WAITING token's holder is seen alive, which keeps its place. */
    Mono<TokenLookup> poll(CallerToken caller, Instant now);

    /**
     * One admission cycle for one concert: ends ACTIVE tokens past their time (TIMEOUT) and WAITING ones that
     * stopped polling (ABANDONED), then admits the next in join order while fewer than the maximum are ACTIVE.
     */
    Mono<AdmissionOutcome> admit(UUID concertId, Instant now);

    /** Ends a live token of {@code userId} for {@code reason}; a token that already ended stays as it is. */
    Mono<Expiry> expire(UUID tokenId, UUID userId, TokenExpired.Reason reason, Instant now);

    /** Concerts with anyone WAITING or ACTIVE: those admission has work for. */
    Flux<UUID> concertsInLine();

    /** The result of a join: {@code newPlace} is false when the user already had a live token. */
    record Joined(QueueEntry entry, boolean newPlace) {
    }

    enum Expiry {
        /** The token was live and has ended now; its TokenExpired is on its way. */
        EXPIRED,
        /** The token had ended before (or is unknown): nothing changed, nothing was announced. */
        ALREADY_ENDED,
        /** The token belongs to someone else: nothing changed. */
        NOT_THE_HOLDER
    }
}
