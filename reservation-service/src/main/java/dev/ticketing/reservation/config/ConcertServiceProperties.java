package dev.ticketing.reservation.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reads the concert catalog ({@code ticketing.concert-service.*}). The circuit breaker and
 * time limiter of the call are Resilience4j's instance {@code concert-service}. Where its instances listen is
 * {@code ticketing.instances.concert-service} ({@code CONCERT_SERVICE_URL}, common-instances).
 *
 * @param readTimeout  the HTTP client gives up on an answer after this; matches the time limiter
 * @param cacheTtl     how long a date's catalog entry is reused; it never changes once created
 * @param cacheMaxSize how many concert dates are kept at most
 */
@Validated
@ConfigurationProperties("ticketing.concert-service")
public record ConcertServiceProperties(@DefaultValue("2s") @DurationMin(millis = 1) Duration readTimeout,
                                       @DefaultValue("10m") @DurationMin(millis = 1) Duration cacheTtl,
                                       @DefaultValue("10000") @Min(1) long cacheMaxSize) {
}
