package dev.ticketing.queue.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach concert-service's internal API, which says whether a concert exists ({@code ticketing.concert-service.*}).
 *
 * @param url     its base URL ({@code CONCERT_SERVICE_URL}, default http://localhost:8082)
 * @param timeout how long one call may take before it counts as failed (default 2 s): the join answers 503 then
 */
@Validated
@ConfigurationProperties("ticketing.concert-service")
public record ConcertServiceProperties(@NotNull URI url, @NotNull @DurationMin(nanos = 1) Duration timeout) {
}
