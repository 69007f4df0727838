package dev.ticketing.reservation.hold.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.Reservations;

/** Reads reservations straight from their table, so a hold is visible the moment it committed. */
@Service
public class FindingReservation {

    private final Reservations reservations;

    FindingReservation(Reservations reservations) {
        this.reservations = reservations;
    }

    /** The caller's own reservation; anyone else's is reported as not found, so ids reveal nothing. */
    public Reservation ownedBy(ReservationId id, UUID userId) {
        return reservations.find(id).filter(reservation -> reservation.isOwnedBy(userId))
                .orElseThrow(() -> new ReservationNotFound(id));
    }

    /** Any reservation, for other services (payment-service checks the owner itself). */
    public Reservation byId(ReservationId id) {
        return reservations.find(id).orElseThrow(() -> new ReservationNotFound(id));
    }
}
