package dev.ticketing.queue.waiting.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What one admission cycle did to one concert's line, and how the line looks afterwards.
 *
 * @param admitted  WAITING tokens that became ACTIVE, in join order
 * @param timedOut  ACTIVE tokens that reached their end (TIMEOUT)
 * @param abandoned WAITING tokens that stopped polling (ABANDONED)
 * @param rate      the line's measured admission rate after this cycle
 */
public record AdmissionOutcome(UUID concertId, long admitted, long timedOut, long abandoned, long waiting, long active,
                               AdmissionRate rate) {

    public AdmissionOutcome {
        if (admitted < 0 || timedOut < 0 || abandoned < 0 || waiting < 0 || active < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        Objects.requireNonNull(rate, "rate");
    }
}
