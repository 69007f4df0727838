package dev.ticketing.gateway;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Token expiry, revocation eviction and the local join buckets read time from here, so tests can set it. */
@Configuration(proxyBeanMethods = false)
class GatewayClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
