package dev.ticketing.concert.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One date of a concert with its seats 1 to 50, in seat order.
 *
 * @param basePrice      the price given for the date; seats may have their own
 * @param bookingOpensAt from when fans may list and hold seats of this date
 */
public record Schedule(ScheduleId id, LocalDate date, Instant bookingOpensAt, Price basePrice, List<Seat> seats) {

    /** The contract's dates are YYYY-MM-DD: four-digit years, which is also all the store's DATE column holds. */
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /** An opening before this is a mistyped value, never a sales plan (and before the store's DATETIME range). */
    public static final Instant EARLIEST_OPENING = Instant.parse("1970-01-01T00:00:00Z");

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(bookingOpensAt, "bookingOpensAt");
        Objects.requireNonNull(basePrice, "basePrice");
        seats = List.copyOf(seats);
        if (date.isAfter(LAST_DATE)) {
            throw new CatalogRuleViolation("date " + date + " is beyond " + LAST_DATE);
        }
        if (bookingOpensAt.isBefore(EARLIEST_OPENING)) {
            throw new CatalogRuleViolation("booking cannot open before " + EARLIEST_OPENING + ", not at " + bookingOpensAt);
        }
        if (!seats.stream().map(Seat::number).toList().equals(SeatNumber.all())) {
            throw new CatalogRuleViolation("a date has exactly the seats " + SeatNumber.FIRST + " to " + SeatNumber.LAST);
        }
        // Opening sales after the show would make the date unsellable; the end of the day in UTC is the
        // latest moment the date can still be on anywhere east of UTC (Korea included).
        if (!bookingOpensAt.isBefore(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new CatalogRuleViolation("booking for " + date + " must open before the date, not at " + bookingOpensAt);
        }
    }

    /**
     * A new date whose seats are all available at the base price, except those given their own price.
     *
     * @param id allocated by {@link Concerts#nextScheduleIds} before the date exists
     */
    public static Schedule plan(ScheduleId id, LocalDate date, Instant bookingOpensAt, Price basePrice,
                                Map<SeatNumber, Price> seatPrices) {
        List<Seat> seats = SeatNumber.all().stream()
                .map(number -> Seat.available(number, seatPrices.getOrDefault(number, basePrice)))
                .toList();
        return new Schedule(id, date, bookingOpensAt, basePrice, seats);
    }

    public int totalSeats() {
        return seats.size();
    }
}
