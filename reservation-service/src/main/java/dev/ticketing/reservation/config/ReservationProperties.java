package dev.ticketing.reservation.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of reservations, bound from {@code ticketing.*} (DESIGN.md section 3); the service refuses to start
 * with values that make no sense.
 *
 * @param holdTtl how long a seat hold lasts before it is released ({@code HOLD_TTL}, default 5 minutes)
 */
@Validated
@ConfigurationProperties("ticketing")
public record ReservationProperties(@NotNull @DurationMin(nanos = 1) Duration holdTtl) {
}
