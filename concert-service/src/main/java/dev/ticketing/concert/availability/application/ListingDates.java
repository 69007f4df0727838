package dev.ticketing.concert.availability.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.ticketing.concert.availability.domain.AvailabilityViews;
import dev.ticketing.concert.availability.domain.DateAvailability;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertNotFound;

/**
 * Use case: an admitted fan lists the dates of a concert that can be booked now. Not transactional itself:
 * the views answer from their cache without touching the database when they can.
 */
@Service
public class ListingDates {

    private final AvailabilityViews views;
    private final Clock clock;

    public ListingDates(AvailabilityViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /**
     * Dates whose booking has opened, not over, with a seat left, by date.
     *
     * @throws ConcertNotFound when there is no such concert
     */
    public List<DateAvailability> bookableDates(ConcertId concert) {
        List<DateAvailability> dates = views.datesOf(concert);
        if (dates.isEmpty()) {
            throw new ConcertNotFound(concert); // every concert has at least one date
        }
        // Filtered after the cache, so a cached listing never shows a date past its time window.
        Instant now = clock.instant();
        return dates.stream().filter(date -> date.bookableAt(now)).toList();
    }
}
