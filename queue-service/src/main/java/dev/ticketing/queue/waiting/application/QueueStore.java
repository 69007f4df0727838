package dev.ticketing.queue.waiting.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ticketing.events.TokenExpired;
import dev.ticketing.queue.waiting.domain.AdmissionOutcome;
import dev.ticketing.queue.waiting.domain.QueueEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the lines live. Every method is one atomic step in the store, and every state change it makes is
 * recorded together with its event (TokenActivated, TokenExpired), so that neither can happen without the other.
 * Failures to reach the store surface as {@link QueueUnavailable}.
 */
public interface QueueStore {

    /** Puts the user in the concert's line under {@code newTokenId}, or finds the live token they already have. */
    Mono<Joined> join(UUID concertId, UUID userId, UUID newTokenId, Instant now);

    /** Where a token stands now; a WAITING token's holder is seen alive, which keeps its place. */
    Mono<TokenLookup> poll(CallerToken caller, Instant now);

    /**
     * One admission cycle for one concert: ends ACTIVE tokens past their time (TIMEOUT), WAITING ones that
     * stopped polling and ACTIVE ones that stopped making requests (ABANDONED), then admits the next in join order
     * while fewer than {@code limit} (never more than the maximum) are ACTIVE, {@code perCycle} at most.
     */
    Mono<AdmissionOutcome> admit(UUID concertId, int limit, int perCycle, Instant now);

    /** Ends a live token of {@code userId} for {@code reason}; a token that already ended stays as it is. */
    Mono<Expiry> expire(UUID tokenId, UUID userId, TokenExpired.Reason reason, Instant now);

    /**
     * Records requests made with ACTIVE tokens (a sign of life that keeps the slot); tokens no longer tracked
     * (ended, or holding a seat) are left alone. Returns how many were updated.
     */
    Mono<Long> recordActivity(List<TokenActivity> requests);

    /** The token's holder holds a seat now: the slot is no longer ended for idleness while the hold lasts. */
    Mono<Boolean> holdingSeat(UUID tokenId);

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
