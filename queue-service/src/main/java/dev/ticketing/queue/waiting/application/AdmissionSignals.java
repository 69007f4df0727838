package dev.ticketing.queue.waiting.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.ticketing.queue.waiting.domain.AdmissionLimit;
import dev.ticketing.queue.waiting.domain.BookingPathWindow;
import reactor.core.publisher.Mono;

/**
 * Where the gateways' booking-path reports and the admission limit live, shared by every instance: reports add up
 * until a control step takes them, and one instance at a time takes a step.
 */
public interface AdmissionSignals {

    /** Adds one gateway's report to those the next control step sees. */
    Mono<Void> record(BookingPathWindow report, Instant receivedAt);

    /**
     * The stored limit, and, when no instance took a step within {@code interval}, the turn to take one: the
     * reports since the previous step are handed over (and no longer seen by the next).
     */
    Mono<Turn> take(Instant now, Duration interval);

    /** Stores the limit a step computed, unless another step was taken since ({@code turn.step()}). */
    Mono<Boolean> settle(Turn turn, AdmissionLimit limit);

    /**
     * @param due          whether this caller is to take the step (then {@code window} and {@code lastReportAt} are
     *                     what it sees)
     * @param stored       the limit as stored, if a step ever stored one
     * @param lastReportAt when the latest report arrived, if ever
     */
    record Turn(boolean due, long step, Optional<AdmissionLimit> stored, BookingPathWindow window,
                Optional<Instant> lastReportAt) {
    }
}
