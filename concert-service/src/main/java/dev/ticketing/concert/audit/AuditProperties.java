package dev.ticketing.concert.audit;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code GET /api/v1/admin/audit} fetches the other services' audit facts, and how long it waits for each
 * (a live system's whole history travels: minutes of a big on-sale are tens of thousands of rows).
 */
@ConfigurationProperties("ticketing.audit")
public record AuditProperties(URI reservationServiceUrl, URI paymentServiceUrl, URI queueServiceUrl,
                              @DefaultValue("30s") Duration timeout) {
}
