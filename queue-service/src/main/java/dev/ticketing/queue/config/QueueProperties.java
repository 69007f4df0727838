package dev.ticketing.queue.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the waiting queue, bound from {@code ticketing.queue.*} (DESIGN.md section 3); the service refuses
 * to start with values that make no sense.
 *
 * @param activeTtl     how long an ACTIVE token lives at most ({@code QUEUE_ACTIVE_TTL}, default 10 minutes)
 * @param maxActive     ACTIVE users per concert at once ({@code QUEUE_MAX_ACTIVE}, default 100)
 * @param admitInterval how often admission runs ({@code QUEUE_ADMIT_INTERVAL}, default 1 second)
 * @param idleTimeout   a WAITING client that has not polled for this long loses its place
 *                      ({@code QUEUE_IDLE_TIMEOUT}, default 1 minute; at most 30 minutes, a quarter of a WAITING
 *                      token's lifetime, so a silent client's place ends before its token's record does)
 * @param activeIdleTimeout an ACTIVE fan who makes no request for this long frees the slot
 *                      ({@code QUEUE_ACTIVE_IDLE_TIMEOUT}, default 2 minutes)
 * @param pollBudget    polls per second per concert that {@code pollAfterSeconds} keeps the line under
 *                      ({@code QUEUE_POLL_BUDGET}, default 500)
 */
@Validated
@ConfigurationProperties("ticketing.queue")
public record QueueProperties(
        @NotNull @DurationMin(nanos = 1) Duration activeTtl,
        @Min(1) int maxActive,
        @NotNull @DurationMin(nanos = 1) Duration admitInterval,
        @NotNull @DurationMin(nanos = 1) @DurationMax(minutes = 30) Duration idleTimeout,
        @NotNull @DurationMin(nanos = 1) Duration activeIdleTimeout,
        @Min(1) int pollBudget) {
}
