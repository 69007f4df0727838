package dev.ticketing.reservation.hold.adapter.persistence;

import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;

/**
 * Which unique key of the reservation table refused an INSERT. MySQL and MariaDB name the key in the message
 * ("Duplicate entry '...' for key 'uk_reservation_seat_taken'"; MySQL prefixes the table name).
 */
enum UniqueKey {
    SEAT_TAKEN, TOKEN_HOLDING, OTHER;

    static UniqueKey violatedBy(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("uk_reservation_seat_taken")) {
            return SEAT_TAKEN;
        }
        if (message.contains("uk_reservation_token_holding")) {
            return TOKEN_HOLDING;
        }
        return OTHER;
    }
}
