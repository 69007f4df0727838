package dev.ticketing.queue.waiting.domain;

import java.util.Objects;

/**
 * How many may be ACTIVE per concert now (at most {@code QUEUE_MAX_ACTIVE}), as the admission controller set it,
 * and why.
 */
public record AdmissionLimit(int limit, AdmissionReason reason) {

    public AdmissionLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("an admission limit is at least 1, was " + limit);
        }
        Objects.requireNonNull(reason, "reason");
    }
}
