package dev.ticketing.concert.availability.adapter.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.concert.availability.application.ListingDates;
import dev.ticketing.concert.availability.application.ListingSeats;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.SeatStatus;

/**
 * What admitted fans browse. The gateway lets only ACTIVE tokens for this concert through, so nothing here
 * looks at identity headers.
 */
@RestController
@RequestMapping("/api/v1/concerts/{concertId}/dates")
class AvailabilityController {

    private final ListingDates dates;
    private final ListingSeats seats;

    AvailabilityController(ListingDates dates, ListingSeats seats) {
        this.dates = dates;
        this.seats = seats;
    }

    @GetMapping
    List<DateResponse> dates(@PathVariable UUID concertId) {
        return dates.bookableDates(new ConcertId(concertId)).stream()
                .map(date -> new DateResponse(date.date(), date.availableSeats(), date.totalSeats()))
                .toList();
    }

    @GetMapping("/{date}/seats")
    List<SeatResponse> seats(@PathVariable UUID concertId,
                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return seats.seatsOf(new ConcertId(concertId), date).stream()
                .map(seat -> new SeatResponse(seat.number().value(), seat.status(), seat.price().won()))
                .toList();
    }

    record DateResponse(LocalDate date, int availableSeats, int totalSeats) {
    }

    record SeatResponse(int seatNumber, SeatStatus status, long price) {
    }
}
