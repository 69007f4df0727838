package dev.ticketing.queue.config;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.ticketing.queue.waiting.domain.AdmissionControl;

/**
 * The admission controller ({@link AdmissionControl}), bound from {@code ticketing.queue.admission-control.*}. Its
 * ceiling is {@code QUEUE_MAX_ACTIVE}; floor and step are shares of it, so they scale with it.
 *
 * @param enabled          off: the limit is always the ceiling, as before the controller
 * @param floorShare       the least the limit goes down to, as a share of the ceiling (at least 1 place)
 * @param restartShare     where the limit goes while the booking path carries nothing (an on-sale opens with it),
 *                         as a share of the ceiling (at least the floor); 1: an idle path grows to the ceiling
 * @param increaseShare    added per healthy step, as a share of the ceiling (at least 1 place)
 * @param decrease         the limit is multiplied by this on a step that sees too much shedding or latency
 * @param latencyTarget    the booking path is healthy while the gateways' p90 of it is at most this
 * @param shedThreshold    and while at most this share of its requests is shed or fails
 * @param interval         how often a step is taken (by one instance); the gateways report every 5 s
 * @param signalTimeout    without a report for this long the limit goes back to the ceiling
 * @param rampShare        the most one admission cycle admits to one concert, as a share of the ceiling (at least 1
 *                         place), so that a line that opens (or whose fans leave at once) fills over several cycles
 *                         rather than in one herd; 1 (the default): no ramp; off with the controller
 */
@Validated
@ConfigurationProperties("ticketing.queue.admission-control")
public record AdmissionControlProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double floorShare,
        @DefaultValue("0.3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double restartShare,
        @DefaultValue("0.1") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double increaseShare,
        @DefaultValue("0.5") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
        double decrease,
        @DefaultValue("PT0.5S") @NotNull @DurationMin(nanos = 1) Duration latencyTarget,
        @DefaultValue("0.01") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) double shedThreshold,
        @DefaultValue("PT5S") @NotNull @DurationMin(nanos = 1) Duration interval,
        @DefaultValue("PT30S") @NotNull @DurationMin(nanos = 1) Duration signalTimeout,
        @DefaultValue("1") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double rampShare) {

    /** The controller for a ceiling of {@code maxActive}. */
    public AdmissionControl control(int maxActive) {
        int floor = atLeastOne(maxActive * floorShare);
        return new AdmissionControl(maxActive, floor, Math.max(floor, atLeastOne(maxActive * restartShare)),
                atLeastOne(maxActive * increaseShare), decrease, latencyTarget, shedThreshold, interval, signalTimeout);
    }

    /** The most admitted per concert in one cycle for a ceiling of {@code maxActive}: the ceiling when off. */
    public int admitsPerCycle(int maxActive) {
        return enabled ? Math.min(maxActive, atLeastOne(maxActive * rampShare)) : maxActive;
    }

    private static int atLeastOne(double places) {
        return Math.max(1, (int) Math.round(places));
    }
}
