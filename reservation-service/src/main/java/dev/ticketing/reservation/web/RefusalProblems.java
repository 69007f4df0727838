package dev.ticketing.reservation.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.ticketing.identity.MalformedIdentity;
import dev.ticketing.identity.MissingIdentity;
import dev.ticketing.reservation.hold.application.ConcertNotFound;
import dev.ticketing.reservation.hold.application.DateNotFound;
import dev.ticketing.reservation.hold.application.HoldContended;
import dev.ticketing.reservation.hold.application.ReservationNotFound;
import dev.ticketing.reservation.hold.application.WrongConcert;
import dev.ticketing.reservation.hold.domain.DateNotOpen;
import dev.ticketing.reservation.hold.domain.HoldLimitReached;
import dev.ticketing.reservation.hold.domain.SeatUnavailable;
import dev.ticketing.web.Problems;

/** The problem (status, code, client-facing detail) of each way this service refuses a request. */
final class RefusalProblems {

    private RefusalProblems() {
    }

    static ProblemDetail of(RuntimeException refusal) {
        return switch (refusal) {
            case MissingIdentity e -> Problems.problem(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID",
                    "A valid queue token is required.");
            case MalformedIdentity e -> Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    e.getMessage());
            case WrongConcert e -> Problems.problem(HttpStatus.FORBIDDEN, "WRONG_CONCERT",
                    "The queue token is for another concert.");
            case ConcertNotFound e -> Problems.problem(HttpStatus.NOT_FOUND, "CONCERT_NOT_FOUND",
                    "The concert does not exist.");
            // A date whose booking has not opened is not listed to clients either: to them it does not exist yet.
            case DateNotFound e -> dateNotFound();
            case DateNotOpen e -> dateNotFound();
            case SeatUnavailable e -> Problems.problem(HttpStatus.CONFLICT, "SEAT_UNAVAILABLE",
                    "The seat is already held or sold.");
            case HoldLimitReached e -> Problems.problem(HttpStatus.CONFLICT, "HOLD_LIMIT",
                    "This queue token already holds a seat.");
            case ReservationNotFound e -> Problems.problem(HttpStatus.NOT_FOUND, "RESERVATION_NOT_FOUND",
                    "No such reservation.");
            case HoldContended e -> serviceUnavailable();
            default -> throw new IllegalArgumentException("not a refusal: " + refusal.getClass().getName(), refusal);
        };
    }

    private static ProblemDetail dateNotFound() {
        return Problems.problem(HttpStatus.NOT_FOUND, "DATE_NOT_FOUND", "The concert has no date open for booking on that day.");
    }

    private static ProblemDetail serviceUnavailable() {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The reservation cannot be processed right now. Please try again shortly.");
    }
}
