package dev.ticketing.reservation.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The public reservation JSON, read back in tests. */
public record ReservationBody(UUID reservationId, UUID concertId, LocalDate date, int seatNumber, long price,
                              String status, Instant expiresAt) {
}
