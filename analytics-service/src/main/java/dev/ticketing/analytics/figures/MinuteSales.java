package dev.ticketing.analytics.figures;

/** Seats sold (confirmations) and their price in KRW within one one-minute window of a concert. */
public record MinuteSales(long seats, long revenue) {

    public static MinuteSales none() {
        return new MinuteSales(0, 0);
    }

    public MinuteSales plus(long price) {
        return new MinuteSales(seats + 1, revenue + price);
    }
}
