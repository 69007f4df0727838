package dev.ticketing.reservation.hold.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.Reservations;

/**
 * Use case: payment-service claims a hold before it charges. A claimed hold is never released by the clock
 * alone: at its expiry the sweep first asks payment-service to settle it (see {@link SettlingClaimedHolds}), so a
 * payment that committed in time always gets its seat, however late its PaymentCompleted arrives.
 * Claiming again is harmless: a payment that failed (insufficient balance) leaves the hold HELD and payable.
 */
@Service
public class ClaimingForPayment {

    private static final Logger log = LoggerFactory.getLogger(ClaimingForPayment.class);

    private final Reservations reservations;
    private final Clock clock;

    ClaimingForPayment(Reservations reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    /**
     * @param payer     the paying user; anyone else's reservation is not found
     * @param concertId the concert of the payer's token: a hold of another concert is not claimed
     * @throws ReservationNotFound if there is no such reservation of the payer
     */
    // No database transaction: the claim is one conditional UPDATE, atomic by itself, and the read before it decides
    // nothing that the UPDATE does not check again (HELD, not expired). SUPPORTS still gives the read and the claim one
    // pooled connection, not two (under an on-sale every wait for a connection is a payment's wait), without the
    // three round trips a transaction adds (autocommit off, COMMIT, autocommit on), each a wait for a core.
    @Transactional(propagation = Propagation.SUPPORTS)
    public PaymentClaim claim(ReservationId id, UUID payer, UUID concertId) {
        Reservation reservation = reservations.find(id).filter(found -> found.isOwnedBy(payer))
                .orElseThrow(() -> new ReservationNotFound(id));
        if (!reservation.concertId().equals(concertId)) {
            return new PaymentClaim(reservation, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!reservations.claimForPayment(id, now)) {
            // Expired, confirmed or cancelled meanwhile: say what it is now.
            return new PaymentClaim(reservations.find(id).orElseThrow(() -> new ReservationNotFound(id)), false);
        }
        log.info("hold_claimed_for_payment reservationId={} userId={} expiresAt={}", id, payer,
                reservation.expiresAt());
        return new PaymentClaim(reservation, true);
    }
}
