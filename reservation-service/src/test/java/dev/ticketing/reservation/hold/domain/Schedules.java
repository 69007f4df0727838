package dev.ticketing.reservation.hold.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Catalog dates for domain tests: seat n costs n x 1,000 KRW. */
final class Schedules {

    static final Instant OPENED = Instant.parse("2030-01-01T00:00:00Z");

    private Schedules() {
    }

    static Schedule open() {
        return new Schedule(UUID.randomUUID(), "A concert", 42, LocalDate.parse("2030-05-01"), OPENED, prices());
    }

    static Map<SeatNumber, Long> prices() {
        Map<SeatNumber, Long> prices = new HashMap<>();
        for (int seat = SeatNumber.FIRST; seat <= SeatNumber.LAST; seat++) {
            prices.put(new SeatNumber(seat), seat * 1_000L);
        }
        return prices;
    }
}
