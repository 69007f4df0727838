package dev.ticketing.reservation.hold.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.ReservationStatus;
import dev.ticketing.reservation.hold.domain.Reservations;
import dev.ticketing.web.paging.InvalidPage;
import dev.ticketing.web.paging.Page;
import dev.ticketing.web.paging.PageRequest;

/**
 * Use case: a fan finds their tickets: their own reservations, newest first, a page at a time, each with its
 * concert's title from the catalog (cached per date, so a page asks concert-service at most once per date).
 */
@Service
public class ListingReservations {

    private final Reservations reservations;
    private final Catalog catalog;

    ListingReservations(Reservations reservations, Catalog catalog) {
        this.reservations = reservations;
        this.catalog = catalog;
    }

    /**
     * @throws InvalidPage         for a cursor that is not a position in a reservation list
     * @throws CatalogUnavailable  when a title cannot be looked up and is not cached
     */
    public Page<Listed> reservationsOf(UUID userId, Optional<ReservationStatus> status, PageRequest page) {
        Optional<Reservations.Position> before = page.after().map(ListingReservations::position);
        Page<Reservation> found = Page.of(reservations.newestOf(userId, status, before, page.limit() + 1),
                page.limit(), reservation -> reservation.heldAt() + "|" + reservation.id());
        Map<DateOf, String> titles = new HashMap<>();
        return found.map(reservation -> new Listed(reservation, titles.computeIfAbsent(
                new DateOf(reservation.concertId(), reservation.date()), this::titleOf)));
    }

    /** A reservation and its concert's title (null only if the catalog no longer knows the date). */
    public record Listed(Reservation reservation, String title) {
    }

    private String titleOf(DateOf date) {
        try {
            return catalog.schedule(date.concertId(), date.date()).title();
        } catch (ConcertNotFound | DateNotFound gone) {
            return null;
        }
    }

    private static Reservations.Position position(String text) {
        int bar = text.indexOf('|');
        try {
            return new Reservations.Position(Instant.parse(text.substring(0, bar)),
                    new ReservationId(UUID.fromString(text.substring(bar + 1))));
        } catch (RuntimeException e) {
            throw InvalidPage.cursor();
        }
    }

    private record DateOf(UUID concertId, LocalDate date) {
    }
}
