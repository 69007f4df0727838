package dev.ticketing.queue;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.ticketing.queue.support.ControlledClock;

/** Puts the controlled clock in place of the system clock, so tests move time instead of waiting for it. */
@TestConfiguration(proxyBeanMethods = false)
class ControlledClockConfiguration {

    @Bean
    @Primary
    ControlledClock controlledClock() {
        return new ControlledClock();
    }
}
