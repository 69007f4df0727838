package dev.ticketing.queue.waiting.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A live token's place in its concert's line, as the queue store answered a join or a poll.
 *
 * @param position    1 for the first in line while WAITING; 0 once ACTIVE
 * @param activeUntil when an ACTIVE token ends at the latest; null while WAITING
 * @param rate        how fast this concert's line has been moving
 * @param waiting     how many are WAITING in the concert's line (at least {@code position}); 0 once ACTIVE
 */
public record QueueEntry(UUID tokenId, UUID userId, UUID concertId, TokenStatus status, long position,
                         Instant activeUntil, AdmissionRate rate, long waiting) {

    public QueueEntry {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(rate, "rate");
        switch (Objects.requireNonNull(status, "status")) {
            case WAITING -> {
                if (position < 1 || activeUntil != null) {
                    throw new IllegalArgumentException("a WAITING entry has a position from 1 and no end, was "
                            + position + "/" + activeUntil);
                }
            }
            case ACTIVE -> {
                if (position != 0 || activeUntil == null) {
                    throw new IllegalArgumentException("an ACTIVE entry has position 0 and an end, was "
                            + position + "/" + activeUntil);
                }
            }
            case EXPIRED -> throw new IllegalArgumentException("an expired token has no place in line");
        }
    }

    public static QueueEntry waiting(UUID tokenId, UUID userId, UUID concertId, long position, AdmissionRate rate) {
        return waiting(tokenId, userId, concertId, position, position, rate);
    }

    public static QueueEntry waiting(UUID tokenId, UUID userId, UUID concertId, long position, long waiting,
                                     AdmissionRate rate) {
        return new QueueEntry(tokenId, userId, concertId, TokenStatus.WAITING, position, null, rate,
                Math.max(position, waiting));
    }

    public static QueueEntry active(UUID tokenId, UUID userId, UUID concertId, Instant activeUntil) {
        return new QueueEntry(tokenId, userId, concertId, TokenStatus.ACTIVE, 0, activeUntil, AdmissionRate.UNMEASURED,
                0);
    }

    public WaitEstimate estimate(QueuePolicy policy) {
        return WaitEstimate.forPosition(position, waiting, rate, policy);
    }
}
