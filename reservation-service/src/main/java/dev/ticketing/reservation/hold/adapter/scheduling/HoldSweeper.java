package dev.ticketing.reservation.hold.adapter.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.ticketing.reservation.hold.application.ExpiringHolds;

/**
 * Runs the hold expiry every {@code ticketing.hold-sweep.interval} on every instance; SKIP LOCKED in the sweep
 * makes that safe without a leader. A failed sweep (database away) is logged and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final ExpiringHolds expiringHolds;

    HoldSweeper(ExpiringHolds expiringHolds) {
        this.expiringHolds = expiringHolds;
    }

    @Scheduled(fixedDelayString = "${ticketing.hold-sweep.interval:250ms}")
    void sweep() {
        try {
            expiringHolds.expireDueHolds();
        } catch (RuntimeException e) {
            log.warn("hold_sweep_failed reason=\"{}\"", e.getMessage());
        }
    }
}
