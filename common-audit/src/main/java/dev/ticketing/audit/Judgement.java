package dev.ticketing.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * When the audit looks and how long it lets eventually consistent data settle: a rule that spans services
 * judges only records whose last change is older than the settle window, since a newer change may still be
 * on its way through Kafka.
 */
public record Judgement(Instant now, Duration settle) {

    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    public Judgement {
        if (settle.isNegative()) {
            throw new IllegalArgumentException("The settle window cannot be negative: " + settle);
        }
    }

    /** Every one of these changes (nulls ignored) happened at least the settle window ago. */
    public boolean settled(Instant... lastChanges) {
        Instant cutoff = now.minus(settle);
        for (Instant change : lastChanges) {
            if (change != null && change.isAfter(cutoff)) {
                return false;
            }
        }
        return true;
    }

    /** A deadline (e.g. a hold's expiresAt) passed longer than the settle window ago. */
    public boolean overdue(Instant deadline) {
        return deadline.plus(settle).isBefore(now);
    }

    public String ago(Instant then) {
        return Duration.between(then, now).toSeconds() + " s ago";
    }
}
