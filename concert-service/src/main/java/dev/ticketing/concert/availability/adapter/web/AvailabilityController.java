package dev.ticketing.concert.availability.adapter.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
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
 *
 * <p>The same for every fan, and already a read model a few milliseconds behind the holds: marked shareable for
 * 1 s ({@code s-maxage}), so the gateway answers an on-sale crowd's reloads from its own short cache (it keeps them
 * at most 0.5 s); browsers keep nothing ({@code max-age=0}).
 */
@RestController
@RequestMapping("/api/v1/concerts/{concertId}/dates")
class AvailabilityController {

    private static final CacheControl SHARED_BRIEFLY =
            CacheControl.maxAge(Duration.ZERO).sMaxAge(Duration.ofSeconds(1));

    private final ListingDates dates;
    private final ListingSeats seats;

    AvailabilityController(ListingDates dates, ListingSeats seats) {
        this.dates = dates;
        this.seats = seats;
    }

    @GetMapping
    ResponseEntity<List<DateResponse>> dates(@PathVariable UUID concertId) {
        return ResponseEntity.ok().cacheControl(SHARED_BRIEFLY).body(dates.bookableDates(new ConcertId(concertId))
                .stream()
                .map(date -> new DateResponse(date.date(), date.availableSeats(), date.totalSeats()))
                .toList());
    }

    @GetMapping("/{date}/seats")
    ResponseEntity<List<SeatResponse>> seats(@PathVariable UUID concertId,
                                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                             LocalDate date) {
        return ResponseEntity.ok().cacheControl(SHARED_BRIEFLY).body(seats.seatsOf(new ConcertId(concertId), date)
                .stream()
                .map(seat -> new SeatResponse(seat.number().value(), seat.status(), seat.price().won()))
                .toList());
    }

    record DateResponse(LocalDate date, int availableSeats, int totalSeats) {
    }

    record SeatResponse(int seatNumber, SeatStatus status, long price) {
    }
}
