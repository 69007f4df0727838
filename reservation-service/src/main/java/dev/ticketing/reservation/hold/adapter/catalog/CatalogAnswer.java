package dev.ticketing.reservation.hold.adapter.catalog;

import dev.ticketing.reservation.hold.domain.Schedule;

/**
 * What asking concert-service for a date came to. Every outcome is a value, so the cache hands it to all
 * callers waiting on the same load; only {@link Found} is kept beyond that (see {@link CatalogConfiguration}).
 */
sealed interface CatalogAnswer {

    record Found(Schedule schedule) implements CatalogAnswer {
    }

    record ConcertMissing() implements CatalogAnswer {
    }

    record DateMissing() implements CatalogAnswer {
    }

    /** concert-service failed, was too slow, broke the contract, or the circuit is open. */
    record Unavailable(String reason) implements CatalogAnswer {
    }
}
