package dev.ticketing.concert.catalog.domain;

import java.util.List;

/** Where concerts are kept. */
public interface Concerts {

    /** Stores a new concert with all its dates and seats, in the caller's transaction. */
    void add(Concert concert);

    /** Every concert, ordered by title. */
    List<ConcertSummary> summariesByTitle();
}
