package dev.ticketing.queue.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach concert-service's internal API, which says whether a concert exists ({@code ticketing.concert-service.*}).
 *
 * Where its instances listen is {@code ticketing.instances.concert-service} ({@code CONCERT_SERVICE_URL},
 * common-instances).
 *
 * @param timeout how long one call may take before it counts as failed (default 2 s): the join answers 503 then
 */
@Validated
@ConfigurationProperties("ticketing.concert-service")
public record ConcertServiceProperties(@NotNull @DurationMin(nanos = 1) Duration timeout) {
}
