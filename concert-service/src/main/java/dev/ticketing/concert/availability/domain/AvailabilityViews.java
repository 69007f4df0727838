package dev.ticketing.concert.availability.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ScheduleId;

/** The read side: what fans list, served as cheaply as the staleness bound allows. */
public interface AvailabilityViews {

    /** Every date of the concert with its seat counts, by date; empty when there is no such concert. */
    List<DateAvailability> datesOf(ConcertId concert);

    /** The 50 seats of a date, in seat order. */
    List<ListedSeat> seatsOf(ScheduleId schedule);

    Optional<ScheduleId> scheduleOf(ConcertId concert, LocalDate date);

    boolean concertExists(ConcertId concert);

    /** The caller's transaction changes what these views show: refresh them once it has committed. */
    void changedByCurrentTransaction(ConcertId concert, ScheduleId schedule);
}
