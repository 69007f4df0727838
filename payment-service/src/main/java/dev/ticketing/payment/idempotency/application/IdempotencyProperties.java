package dev.ticketing.payment.idempotency.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long Idempotency-Key answers are remembered ({@code ticketing.idempotency.*}). A repeat after the
 * retention is a new request; clients retry within seconds or minutes, so a day is ample.
 *
 * @param retention       how long a stored answer is replayed
 * @param cleanupInterval how often older answers are deleted
 */
@Validated
@ConfigurationProperties("ticketing.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") @DurationMin(minutes = 1) Duration retention,
                                    @DefaultValue("10m") @DurationMin(seconds = 1) Duration cleanupInterval) {
}
