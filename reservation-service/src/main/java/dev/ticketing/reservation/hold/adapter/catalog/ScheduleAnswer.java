package dev.ticketing.reservation.hold.adapter.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.ticketing.reservation.hold.domain.Schedule;
import dev.ticketing.reservation.hold.domain.SeatNumber;

/** concert-service's {@code GET /internal/v1/concerts/{concertId}/dates/{date}} answer; extra fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScheduleAnswer(UUID concertId, String title, Long scheduleId, LocalDate date, Instant bookingOpensAt, List<SeatAnswer> seats) {

    /** @throws IllegalArgumentException or NullPointerException if the answer breaks the contract */
    Schedule toSchedule() {
        Map<SeatNumber, Long> prices = seats.stream()
                .collect(Collectors.toMap(seat -> new SeatNumber(seat.seatNumber()), SeatAnswer::price));
        return new Schedule(concertId, title, scheduleId, date, bookingOpensAt, prices);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatAnswer(int seatNumber, long price) {
    }
}
