package dev.ticketing.concert.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where concerts are kept. */
public interface Concerts {

    /**
     * Reserves {@code count} new schedule ids, in the caller's transaction (they are lost if it rolls back,
     * which only leaves gaps).
     */
    List<ScheduleId> nextScheduleIds(int count);

    /** Stores a new concert with all its dates and seats, in the caller's transaction. */
    void add(Concert concert);

    /** Every concert, ordered by title. */
    List<ConcertSummary> summariesByTitle();

    Optional<ConcertSummary> summaryOf(ConcertId concert);

    /** One date of a concert with its 50 seats and their prices, in seat order. */
    Optional<Schedule> scheduleOf(ConcertId concert, LocalDate date);
}
