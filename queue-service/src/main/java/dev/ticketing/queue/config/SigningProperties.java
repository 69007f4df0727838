package dev.ticketing.queue.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How queue tokens are signed, bound from {@code ticketing.queue.signing.*} (docs/queue-tokens.md).
 *
 * @param publishLead how long a signing key is in the JWK Set before it signs a token. It must exceed the gateways'
 *                    key-set refresh interval (60 s), so every gateway has the key before its first token arrives;
 *                    the default of two intervals also covers one failed refresh
 */
@Validated
@ConfigurationProperties("ticketing.queue.signing")
public record SigningProperties(@NotNull @DurationMin(nanos = 1) @DefaultValue("PT2M") Duration publishLead) {
}
