package dev.ticketing.gateway.token;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway learns the queue service's keys and revocations (docs/queue-tokens.md).
 *
 * @param jwksUrl               the queue service's JWK Set
 * @param jwksRefreshInterval   how often the key set is fetched again, so a rotation needs no restart
 * @param jwksMinRefreshInterval a token signed by an unknown key fetches the set at once, but at most this often,
 *                              so a flood of made-up key ids cannot turn into a flood of fetches
 * @param waitingLifetime       how long the queue service's WAITING JWS lives (2 h, docs/queue-tokens.md)
 * @param activeTtl             how long an ACTIVE JWS lives at most ({@code QUEUE_ACTIVE_TTL}, as the queue service
 *                              reads it)
 */
@ConfigurationProperties("ticketing.gateway.token")
public record TokenSettings(
        @DefaultValue("http://localhost:8081/api/v1/queue/jwks.json") URI jwksUrl,
        @DefaultValue("PT60S") Duration jwksRefreshInterval,
        @DefaultValue("PT5S") Duration jwksMinRefreshInterval,
        @DefaultValue("PT2H") Duration waitingLifetime,
        @DefaultValue("PT10M") Duration activeTtl) {

    /**
     * The longest a token's JWS can live: how far back the revocation feed reads on start, and how long a revoked
     * token id is remembered. A JWS that claims to live longer ({@code exp - iat}) is refused, so a queue service
     * configured for longer-lived tokens than this gateway shows at once instead of leaving revoked tokens usable.
     */
    public Duration maxLifetime() {
        return waitingLifetime.compareTo(activeTtl) >= 0 ? waitingLifetime : activeTtl;
    }
}
