package dev.ticketing.concert.availability.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.concert.availability.domain.AvailabilityViews;
import dev.ticketing.concert.availability.domain.DateAvailability;
import dev.ticketing.concert.availability.domain.ListedSeat;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertNotFound;
import dev.ticketing.concert.catalog.domain.ScheduleId;

class ListingDatesTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2030-03-10");
    private static final ConcertId CONCERT = new ConcertId(UUID.randomUUID());

    @Test
    void onlyDatesThatCanBeBookedNowAreListedInDateOrder() {
        DateAvailability yesterday = date(1, TODAY.minusDays(1), NOW.minusSeconds(86_400 * 2), 50);
        DateAvailability today = date(2, TODAY, NOW.minusSeconds(60), 3);
        DateAvailability soldOut = date(3, TODAY.plusDays(1), NOW.minusSeconds(60), 0);
        DateAvailability notYetOpen = date(4, TODAY.plusDays(2), NOW.plusSeconds(1), 50);
        DateAvailability open = date(5, TODAY.plusDays(3), NOW, 50);
        ListingDates listing = listing(Map.of(CONCERT, List.of(yesterday, today, soldOut, notYetOpen, open)));

        assertThat(listing.bookableDates(CONCERT)).containsExactly(today, open);
    }

    @Test
    void aConcertWhoseDatesAreAllClosedListsNothing() {
        ListingDates listing = listing(Map.of(CONCERT, List.of(date(1, TODAY.plusDays(2), NOW.plusSeconds(1), 50))));

        assertThat(listing.bookableDates(CONCERT)).isEmpty();
    }

    @Test
    void anUnknownConcertIsNotFound() {
        ListingDates listing = listing(Map.of());

        assertThatThrownBy(() -> listing.bookableDates(CONCERT)).isInstanceOf(ConcertNotFound.class);
    }

    private static ListingDates listing(Map<ConcertId, List<DateAvailability>> dates) {
        return new ListingDates(new FixedViews(dates), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DateAvailability date(long id, LocalDate date, Instant opensAt, int available) {
        return new DateAvailability(new ScheduleId(id), date, opensAt, available, 50);
    }

    /** Views over fixed dates; the seat side is not used here. */
    private record FixedViews(Map<ConcertId, List<DateAvailability>> dates) implements AvailabilityViews {

        @Override
        public List<DateAvailability> datesOf(ConcertId concert) {
            return dates.getOrDefault(concert, List.of());
        }

        @Override
        public List<ListedSeat> seatsOf(ScheduleId schedule) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ScheduleId> scheduleOf(ConcertId concert, LocalDate date) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean concertExists(ConcertId concert) {
            return dates.containsKey(concert);
        }

        @Override
        public void changedByCurrentTransaction(ConcertId concert, ScheduleId schedule) {
            throw new UnsupportedOperationException();
        }
    }
}
