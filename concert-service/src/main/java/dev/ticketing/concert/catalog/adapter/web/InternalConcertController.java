package dev.ticketing.concert.catalog.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.concert.catalog.application.LookingUpCatalog;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertSummary;
import dev.ticketing.concert.catalog.domain.Schedule;

/** Service-to-service catalog lookups; not routed by the gateway. The answers never change, so callers cache them. */
@RestController
@RequestMapping("/internal/v1/concerts/{concertId}")
class InternalConcertController {

    private final LookingUpCatalog catalog;

    InternalConcertController(LookingUpCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    ConcertResponse concert(@PathVariable UUID concertId) {
        ConcertSummary concert = catalog.concert(new ConcertId(concertId));
        return new ConcertResponse(concert.id().toString(), concert.title(), concert.venue());
    }

    @GetMapping("/dates/{date}")
    ScheduleResponse schedule(@PathVariable UUID concertId,
                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Schedule schedule = catalog.schedule(new ConcertId(concertId), date);
        String title = catalog.concert(new ConcertId(concertId)).title();
        return new ScheduleResponse(concertId.toString(), title, schedule.id().value(), schedule.date(),
                schedule.bookingOpensAt(), schedule.seats().stream().map(seat -> new SeatPrice(seat.number().value(), seat.price().won())).toList());
    }

    record ConcertResponse(String concertId, String title, String venue) {
    }

    /**
     * @param title      the concert's, for reservation-service's list of a fan's reservations
     * @param scheduleId the id reservation events carry for this date
     */
    record ScheduleResponse(String concertId, String title, long scheduleId, LocalDate date, Instant bookingOpensAt,
                            List<SeatPrice> seats) {
    }

    record SeatPrice(int seatNumber, long price) {
    }
}
