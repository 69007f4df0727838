package dev.ticketing.reservation.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hold expiry sweep ({@code ticketing.hold-sweep.*}). A hold must be released within 2 s after it expires
 * (DESIGN.md section 4), so the sweep runs at least every 500 ms.
 *
 * @param interval   pause between sweeps on each instance
 * @param batchSize  holds expired per transaction: keeps transactions (and their locks) short
 * @param maxBatches batches per sweep at most, so one sweep cannot run unbounded after an outage
 */
@Validated
@ConfigurationProperties("ticketing.hold-sweep")
public record HoldSweepProperties(@DefaultValue("250ms") @DurationMin(millis = 10) @DurationMax(millis = 500)
                                  Duration interval,
                                  @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
                                  @DefaultValue("20") @Min(1) int maxBatches) {
}
