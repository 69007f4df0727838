package dev.ticketing.gateway.upstream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for a service.
 *
 * @param upstreamTimeout the deadline for a service to start answering (response headers): the HTTP client's
 *                        response timeout ({@code httpclient.response-timeout}); a call past it is a failure for
 *                        the service's circuit breaker
 */
@ConfigurationProperties("ticketing.gateway")
public record UpstreamSettings(@DefaultValue("PT5S") Duration upstreamTimeout) {
}
