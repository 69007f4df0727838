package dev.ticketing.gateway.upstream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for a service, and for itself.
 *
 * @param upstreamTimeout  the deadline for a service to start answering (response headers); the same value drives
 *                         the circuit breaker's TimeLimiter and the HTTP client's response timeout, so neither
 *                         silently cuts the other short
 * @param exchangeDeadline the longest any request waits for the start of its answer, the gateway's own work
 *                         included (ExchangeDeadline); longer than {@code upstreamTimeout}, so that it only ever
 *                         catches what no other limit did
 */
@ConfigurationProperties("ticketing.gateway")
public record UpstreamSettings(@DefaultValue("PT5S") Duration upstreamTimeout,
                               @DefaultValue("PT7S") Duration exchangeDeadline) {

    public UpstreamSettings {
        if (exchangeDeadline.compareTo(upstreamTimeout) <= 0) {
            throw new IllegalArgumentException("ticketing.gateway.exchange-deadline (" + exchangeDeadline
                    + ") must be longer than ticketing.gateway.upstream-timeout (" + upstreamTimeout + ")");
        }
    }
}
