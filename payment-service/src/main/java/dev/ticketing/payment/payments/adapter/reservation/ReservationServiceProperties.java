package dev.ticketing.payment.payments.adapter.reservation;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service reads reservations ({@code ticketing.reservation-service.*}). The circuit breaker and time
 * limiter of the call are Resilience4j's instance {@code reservation-service}. Where its instances listen is
 * {@code ticketing.instances.reservation-service} ({@code RESERVATION_SERVICE_URL}, common-instances).
 *
 * @param readTimeout    the HTTP client gives up on connecting and on an answer after this at the latest, a backstop:
 *                       each claim is given up sooner, when its payment could no longer make its transaction in time
 * @param maxConnections kept-alive connections to reservation-service's instances at most, all instances together;
 *                       a claim that finds them all busy waits for one within its payment's time
 */
@Validated
@ConfigurationProperties("ticketing.reservation-service")
public record ReservationServiceProperties(@DefaultValue("4s") @DurationMin(millis = 1) Duration readTimeout,
                                           @DefaultValue("100") @Min(1) int maxConnections) {
}
