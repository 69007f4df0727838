package dev.ticketing.concert.catalog.application;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertNotFound;
import dev.ticketing.concert.catalog.domain.ConcertSummary;
import dev.ticketing.concert.catalog.domain.Concerts;
import dev.ticketing.concert.catalog.domain.DateNotFound;
import dev.ticketing.concert.catalog.domain.Schedule;

/**
 * Use case: another service looks up a concert, or one of its dates with the seat prices (queue-service
 * validates joins, reservation-service prices holds). The catalog never changes after creation, so callers
 * may cache what they get.
 */
@Service
public class LookingUpCatalog {

    private final Concerts concerts;

    public LookingUpCatalog(Concerts concerts) {
        this.concerts = concerts;
    }

    /** @throws ConcertNotFound when no concert has this id */
    @Transactional(readOnly = true)
    public ConcertSummary concert(ConcertId id) {
        return concerts.summaryOf(id).orElseThrow(() -> new ConcertNotFound(id));
    }

    /** @throws ConcertNotFound or {@link DateNotFound} */
    @Transactional(readOnly = true)
    public Schedule schedule(ConcertId id, LocalDate date) {
        return concerts.scheduleOf(id, date).orElseThrow(() -> concerts.summaryOf(id).isPresent()
                ? new DateNotFound(id, date)
                : new ConcertNotFound(id));
    }
}
