package dev.ticketing.reservation.hold.adapter.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import dev.ticketing.reservation.hold.application.ExpiringHolds;
import dev.ticketing.reservation.hold.application.SettlingClaimedHolds;

/**
 * Runs the hold expiry, then the settlement of due claimed holds, every {@code ticketing.hold-sweep.interval} on
 * every instance; SKIP LOCKED and the row locks make that safe without a leader. A failed sweep (database or
 * payment-service away) is logged and the next one tries again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final ExpiringHolds expiringHolds;
    private final SettlingClaimedHolds settlingClaimedHolds;

    HoldSweeper(ExpiringHolds expiringHolds, SettlingClaimedHolds settlingClaimedHolds) {
        this.expiringHolds = expiringHolds;
        this.settlingClaimedHolds = settlingClaimedHolds;
    }

    @Scheduled(fixedDelayString = "${ticketing.hold-sweep.interval:250ms}")
    void sweep() {
        try {
            expiringHolds.expireDueHolds();
        } catch (RuntimeException e) {
            log.warn("hold_sweep_failed reason=\"{}\"", e.getMessage());
        }
        // Apart, so that payment-service being away never holds up the release of unclaimed holds.
        try {
            settlingClaimedHolds.settleDueClaims();
        } catch (RuntimeException e) {
            log.warn("claimed_hold_settlement_failed reason=\"{}\"", e.getMessage());
        }
    }
}
