package dev.ticketing.reservation.hold.domain;

/** A seat of a concert date: every date has seats 1 to 50, so no other number can be constructed. */
public record SeatNumber(int value) {

    public static final int FIRST = 1;
    public static final int LAST = 50;

    public SeatNumber {
        if (value < FIRST || value > LAST) {
            throw new IllegalArgumentException("seat number must be " + FIRST + ".." + LAST + " but was " + value);
        }
    }
}
