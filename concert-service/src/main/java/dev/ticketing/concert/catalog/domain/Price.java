package dev.ticketing.concert.catalog.domain;

/** A seat price in won (KRW, no minor unit), from 1 to 10,000,000. */
public record Price(long won) {

    public static final long MIN_WON = 1;
    public static final long MAX_WON = 10_000_000;

    public Price {
        if (won < MIN_WON || won > MAX_WON) {
            throw new CatalogRuleViolation("price must be between " + MIN_WON + " and " + MAX_WON + " won, was " + won);
        }
    }
}
