package dev.ticketing.concert.catalog.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.ticketing.concert.catalog.application.CreateConcert;
import dev.ticketing.concert.catalog.domain.Concert;
import dev.ticketing.concert.catalog.domain.Price;
import dev.ticketing.concert.catalog.domain.SeatNumber;

/**
 * Body of {@code POST /api/v1/admin/concerts}. The constraints give clients field-by-field errors; the domain
 * checks the same rules again (and those needing context, such as dates in the past or given twice).
 */
record CreateConcertRequest(
        @NotBlank @Size(max = Concert.MAX_TEXT_LENGTH) String title,
        @NotBlank @Size(max = Concert.MAX_TEXT_LENGTH) String venue,
        @NotEmpty @Size(max = Concert.MAX_DATES) List<@NotNull @Valid DateRequest> dates) {

    /**
     * @param bookingOpensAt optional; booking opens at once when absent
     * @param seatPrices     optional; seat number ("1".."50") to its own price in won
     */
    record DateRequest(
            @NotNull LocalDate date,
            @NotNull @Min(Price.MIN_WON) @Max(Price.MAX_WON) Long price,
            Instant bookingOpensAt,
            Map<@NotNull @Min(SeatNumber.FIRST) @Max(SeatNumber.LAST) Integer,
                    @NotNull @Min(Price.MIN_WON) @Max(Price.MAX_WON) Long> seatPrices) {
    }

    CreateConcert toCommand() {
        return new CreateConcert(title, venue, dates.stream()
                .map(date -> new CreateConcert.PlannedDate(date.date(), date.price(), date.bookingOpensAt(), date.seatPrices()))
                .toList());
    }
}
