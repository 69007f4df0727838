package dev.ticketing.concert.catalog.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The admin's request for a new concert.
 *
 * @param dates at least one; each gets 50 seats
 */
public record CreateConcert(String title, String venue, List<PlannedDate> dates) {

    public CreateConcert {
        dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /**
     * @param price          won for every seat without its own price
     * @param bookingOpensAt null to open booking at once
     * @param seatPrices     seat number to won, overriding {@code price}; may be empty
     */
    public record PlannedDate(LocalDate date, long price, Instant bookingOpensAt, Map<Integer, Long> seatPrices) {

        public PlannedDate {
            seatPrices = seatPrices == null ? Map.of() : Map.copyOf(seatPrices);
        }
    }
}
