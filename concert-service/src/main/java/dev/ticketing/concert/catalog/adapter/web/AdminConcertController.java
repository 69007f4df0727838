package dev.ticketing.concert.catalog.adapter.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.concert.catalog.application.CreatingConcert;
import dev.ticketing.concert.catalog.domain.Concert;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/** Admin side of the catalog; the X-Admin-Key check happens before this controller is reached. */
@RestController
@RequestMapping("/api/v1/admin/concerts")
class AdminConcertController {

    private final CreatingConcert creating;

    AdminConcertController(CreatingConcert creating) {
        this.creating = creating;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Parameter(name = "X-Admin-Key", in = ParameterIn.HEADER, required = true, description = "the admin secret (ADMIN_KEY)")
    CreatedConcertResponse create(@Valid @RequestBody CreateConcertRequest request) {
        Concert concert = creating.create(request.toCommand());
        return new CreatedConcertResponse(concert.id().toString(), concert.title(), concert.venue(),
                concert.schedules().stream()
                        .map(schedule -> new DateResponse(schedule.id().value(), schedule.date(), schedule.basePrice().won(),
                                schedule.totalSeats()))
                        .toList());
    }

    record CreatedConcertResponse(String concertId, String title, String venue, List<DateResponse> dates) {
    }

    /** @param scheduleId the id reservation events carry for this date */
    record DateResponse(long scheduleId, LocalDate date, long price, int totalSeats) {
    }
}
