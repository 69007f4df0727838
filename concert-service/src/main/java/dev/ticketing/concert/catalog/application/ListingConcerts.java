package dev.ticketing.concert.catalog.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.concert.catalog.domain.ConcertSummary;
import dev.ticketing.concert.catalog.domain.Concerts;

/** Use case: anyone lists the concerts, ordered by title. */
@Service
public class ListingConcerts {

    private final Concerts concerts;

    public ListingConcerts(Concerts concerts) {
        this.concerts = concerts;
    }

    @Transactional(readOnly = true)
    public List<ConcertSummary> all() {
        return concerts.summariesByTitle();
    }
}
