package dev.ticketing.reservation.hold.application;

import java.time.LocalDate;
import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Schedule;

/** The concert catalog, owned by concert-service: which dates exist and what their seats cost. */
public interface Catalog {

    /**
     * @throws ConcertNotFound     if there is no such concert
     * @throws DateNotFound        if the concert has no such date
     * @throws CatalogUnavailable  if the catalog cannot be asked right now and has no answer cached
     */
    Schedule schedule(UUID concertId, LocalDate date);
}
