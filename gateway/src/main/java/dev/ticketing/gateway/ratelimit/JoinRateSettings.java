package dev.ticketing.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param joinRatePerIp     queue joins per second per client address, with a burst of {@value #BURST_FACTOR} times
 *                          that; {@code 0} turns the limit off (JOIN_RATE_PER_IP)
 * @param trustedProxyHops  how many proxies in front of the gateway append to X-Forwarded-For; {@code 0} (default)
 *                          ignores the header, since any client can send it (TRUSTED_PROXY_HOPS)
 */
@ConfigurationProperties("ticketing.gateway")
public record JoinRateSettings(@DefaultValue("20") int joinRatePerIp, @DefaultValue("0") int trustedProxyHops) {

    public static final int BURST_FACTOR = 5;

    public JoinRateSettings {
        if (joinRatePerIp < 0) {
            throw new IllegalArgumentException("ticketing.gateway.join-rate-per-ip must be 0 (off) or more");
        }
        if (trustedProxyHops < 0) {
            throw new IllegalArgumentException("ticketing.gateway.trusted-proxy-hops must be 0 or more");
        }
    }

    public boolean limited() {
        return joinRatePerIp > 0;
    }

    public int burst() {
        return joinRatePerIp * BURST_FACTOR;
    }
}
