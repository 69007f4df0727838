package dev.ticketing.concert.availability.adapter.persistence;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.concert.availability.domain.AvailabilityViews;
import dev.ticketing.concert.availability.domain.DateAvailability;
import dev.ticketing.concert.availability.domain.ListedSeat;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.config.CatalogProperties;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The hottest reads of the system, cached per instance.
 * <p>
 * <b>Staleness bound.</b> Seat and date listings live {@code ticketing.catalog.listing-cache-ttl} (500 ms)
 * at most. The instance that applies a reservation event drops the listings it changes right after that
 * transaction commits, so its next read is exact. Another instance keeps showing its cached listing until
 * the entry expires: at most the TTL plus one query after the commit. Add the outbox-to-consumer delay
 * (common-messaging measured p50 11 ms, p95 35 ms) and a seat change shows on every instance within about
 * 0.6 s of reservation-service's commit; the public contract allows 2 s.
 * <p>
 * Whether a concert or date exists never changes once it does (the catalog is immutable), so positive
 * answers are kept for minutes; unknown ones are not cached at all.
 */
@Component
class CachedAvailabilityViews implements AvailabilityViews {

    private static final Duration CATALOG_TTL = Duration.ofMinutes(10);
    private static final long MAX_ENTRIES = 10_000;

    private final AvailabilityQueries queries;
    private final TransactionTemplate readOnly;
    private final ReadThroughCache<ConcertId, List<DateAvailability>> dates;
    private final ReadThroughCache<ScheduleId, List<ListedSeat>> seats;
    private final ReadThroughCache<ScheduleOnDate, ScheduleId> schedules;
    private final ReadThroughCache<ConcertId, Boolean> concerts;

    CachedAvailabilityViews(JdbcTemplate jdbc, PlatformTransactionManager transactions, CatalogProperties properties,
                            MeterRegistry registry) {
        this.queries = new AvailabilityQueries(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        Duration listingTtl = properties.listingCacheTtl();
        this.dates = new ReadThroughCache<>("catalog.dates", listingTtl, MAX_ENTRIES, registry);
        this.seats = new ReadThroughCache<>("catalog.seats", listingTtl, MAX_ENTRIES, registry);
        this.schedules = new ReadThroughCache<>("catalog.schedules", CATALOG_TTL, MAX_ENTRIES, registry);
        this.concerts = new ReadThroughCache<>("catalog.concerts", CATALOG_TTL, MAX_ENTRIES, registry);
    }

    @Override
    public List<DateAvailability> datesOf(ConcertId concert) {
        List<DateAvailability> found = dates.get(concert, id -> {
            List<DateAvailability> loaded = readOnly.execute(tx -> queries.datesOf(id));
            return loaded.isEmpty() ? null : loaded;
        });
        return found == null ? List.of() : found;
    }

    @Override
    public List<ListedSeat> seatsOf(ScheduleId schedule) {
        return seats.get(schedule, id -> readOnly.execute(tx -> queries.seatsOf(id)));
    }

    @Override
    public Optional<ScheduleId> scheduleOf(ConcertId concert, LocalDate date) {
        return Optional.ofNullable(schedules.get(new ScheduleOnDate(concert, date),
                key -> readOnly.execute(tx -> queries.scheduleOf(key.concert(), key.date()).orElse(null))));
    }

    @Override
    public boolean concertExists(ConcertId concert) {
        return concerts.get(concert, id -> readOnly.execute(tx -> queries.concertExists(id)) ? Boolean.TRUE : null) != null;
    }

    @Override
    public void changedByCurrentTransaction(ConcertId concert, ScheduleId schedule) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                seats.invalidate(schedule);
                dates.invalidate(concert);
            }
        });
    }

    private record ScheduleOnDate(ConcertId concert, LocalDate date) {
    }
}
