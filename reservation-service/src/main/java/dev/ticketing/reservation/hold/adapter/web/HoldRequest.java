package dev.ticketing.reservation.hold.adapter.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.ticketing.reservation.hold.domain.SeatNumber;

/** {@code POST /api/v1/reservations}: which seat of which concert date to hold. */
record HoldRequest(@NotNull UUID concertId,
                   @NotNull LocalDate date,
                   @NotNull @Min(SeatNumber.FIRST) @Max(SeatNumber.LAST) Integer seatNumber) {
}
