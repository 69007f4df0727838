package dev.ticketing.reservation.config;

import java.time.Duration;


import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service asks payment-service to settle claimed holds that are due ({@code ticketing.payment-service.*}).
 * Where its instances listen is {@code ticketing.instances.payment-service} ({@code PAYMENT_SERVICE_URL}).
 *
 * @param readTimeout the HTTP client gives up on an answer after this; the hold stays HELD and is asked again
 */
@Validated
@ConfigurationProperties("ticketing.payment-service")
public record PaymentServiceProperties(@DefaultValue("2s") @DurationMin(millis = 1) Duration readTimeout) {
}
