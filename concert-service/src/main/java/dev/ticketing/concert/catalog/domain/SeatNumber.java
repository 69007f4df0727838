package dev.ticketing.concert.catalog.domain;

import java.util.List;
import java.util.stream.IntStream;

/** A seat of one date: every date has exactly the seats 1 to 50. */
public record SeatNumber(int value) implements Comparable<SeatNumber> {

    public static final int FIRST = 1;
    public static final int LAST = 50;
    public static final int SEATS_PER_DATE = LAST - FIRST + 1;

    public SeatNumber {
        if (value < FIRST || value > LAST) {
            throw new CatalogRuleViolation("seat number must be between " + FIRST + " and " + LAST + ", was " + value);
        }
    }

    public static List<SeatNumber> all() {
        return IntStream.rangeClosed(FIRST, LAST).mapToObj(SeatNumber::new).toList();
    }

    @Override
    public int compareTo(SeatNumber other) {
        return Integer.compare(value, other.value);
    }
}
