package dev.ticketing.queue.waiting.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one admission cycle did to one concert's line, and how the line looks afterwards.
 *
 * @param admitted  WAITING tokens that became ACTIVE, in join order
 * @param timedOut  ACTIVE tokens that reached their end (TIMEOUT)
 * @param abandoned WAITING tokens that stopped polling (ABANDONED)
 * @param released  ACTIVE tokens whose fan made no request for the ACTIVE idle timeout (also ABANDONED)
 * @param rate      the line's measured admission rate after this cycle
 * @param waits     how long each admitted token waited, from joining to this admission
 */
public record AdmissionOutcome(UUID concertId, long admitted, long timedOut, long abandoned, long released,
                               long waiting, long active, AdmissionRate rate, List<Duration> waits) {

    public AdmissionOutcome {
        if (admitted < 0 || timedOut < 0 || abandoned < 0 || released < 0 || waiting < 0 || active < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        Objects.requireNonNull(rate, "rate");
        waits = List.copyOf(waits);
    }

    /** Whether the cycle changed anything in the line. */
    public boolean changedAnything() {
        return admitted + timedOut + abandoned + released > 0;
    }
}
