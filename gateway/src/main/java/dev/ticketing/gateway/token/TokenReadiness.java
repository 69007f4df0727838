package dev.ticketing.gateway.token;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway is ready only when it can judge tokens correctly: it has the queue service's keys, and it has read
 * every revocation of the last day. Both are in the readiness group (application.yml); until then a load balancer
 * sends it no traffic. Liveness does not depend on them: restarting would not bring either sooner.
 */
@Configuration(proxyBeanMethods = false)
class TokenReadiness {

    @Bean
    HealthIndicator queueKeysHealthIndicator(QueueKeys keys) {
        return () -> (keys.loaded() ? Health.up() : Health.down().withDetail("reason", "JWK Set not loaded yet"))
                .withDetail("keys", keys.size())
                .build();
    }

    @Bean
    HealthIndicator tokenRevocationsHealthIndicator(RevocationFeed feed, TokenRevocations revocations) {
        return () -> (feed.caughtUp() ? Health.up() : Health.down().withDetail("reason", "queue.events not read up "
                + "to its end at start yet"))
                .withDetail("revoked", revocations.size())
                .build();
    }
}
