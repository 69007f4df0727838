package dev.ticketing.concert.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long {@code GET /api/v1/admin/audit} waits for each of the other services' audit facts
 * (a live system's whole history travels: minutes of a big on-sale are tens of thousands of rows). Where those
 * services listen is {@code ticketing.instances.*} (common-instances); any live instance of each will do, since the
 * facts come from its store.
 */
@ConfigurationProperties("ticketing.audit")
public record AuditProperties(@DefaultValue("30s") Duration timeout) {
}
