package dev.ticketing.queue.waiting.domain;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How fast a concert's line moves: the admissions per second measured by the admission cycles (an exponentially
 * weighted average over the cycles that had someone waiting), if any were measured yet.
 */
public record AdmissionRate(OptionalDouble measuredPerSecond) {

    public static final AdmissionRate UNMEASURED = new AdmissionRate(OptionalDouble.empty());

    /** The shortest stretch one measurement covers, so that a burst in one cycle does not read as the pace. */
    public static final Duration MEASUREMENT_WINDOW = Duration.ofSeconds(1);

    /** Time constant of the smoothing: a change in pace shows about two thirds after this long. */
    public static final Duration SMOOTHING = Duration.ofSeconds(30);

    public AdmissionRate {
        if (measuredPerSecond.isPresent() && (measuredPerSecond.getAsDouble() < 0
                || Double.isNaN(measuredPerSecond.getAsDouble()))) {
            throw new IllegalArgumentException("a rate is never negative, was " + measuredPerSecond);
        }
    }

    public static AdmissionRate measured(double perSecond) {
        return new AdmissionRate(OptionalDouble.of(perSecond));
    }

    /**
     * The rate to plan with: the measurement, but never below what the policy guarantees (a line whose ACTIVE
     * users all stay their full time still moves at that pace), and that guarantee alone before any measurement.
     */
    public double plannedPerSecond(QueuePolicy policy) {
        double floor = policy.guaranteedAdmissionRate();
        return measuredPerSecond.isPresent() ? Math.max(measuredPerSecond.getAsDouble(), floor) : floor;
    }
}
