package dev.ticketing.concert.availability.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.ticketing.concert.availability.domain.AvailabilityViews;
import dev.ticketing.concert.availability.domain.ListedSeat;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertNotFound;
import dev.ticketing.concert.catalog.domain.DateNotFound;
import dev.ticketing.concert.catalog.domain.ScheduleId;

/** Use case: an admitted fan lists the 50 seats of one date with their status and price. */
@Service
public class ListingSeats {

    private final AvailabilityViews views;

    public ListingSeats(AvailabilityViews views) {
        this.views = views;
    }

    /** @throws ConcertNotFound or {@link DateNotFound} */
    public List<ListedSeat> seatsOf(ConcertId concert, LocalDate date) {
        ScheduleId schedule = views.scheduleOf(concert, date).orElseThrow(() -> views.concertExists(concert)
                ? new DateNotFound(concert, date)
                : new ConcertNotFound(concert));
        return views.seatsOf(schedule);
    }
}
