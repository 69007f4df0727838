package dev.ticketing.concert.availability.adapter.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.ticketing.concert.availability.domain.DateAvailability;
import dev.ticketing.concert.availability.domain.ListedSeat;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.Price;
import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.catalog.domain.SeatNumber;
import dev.ticketing.concert.catalog.domain.SeatStatus;

/** The read model's queries: index-only or clustered-key range reads, never a sort (indexes in the V2 migration). */
class AvailabilityQueries {

    private final JdbcTemplate jdbc;

    AvailabilityQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counted on every load rather than kept in a counter column: a count cannot drift from the seats. Both
     * counts read only ix_seat_schedule_status, and the dates come in order from ix_concert_date_listing (no
     * temporary table, no sort). Measured on MariaDB 11.4 here (2 shared cores, p50): 0.22 ms for 5 dates and
     * 5.2 ms for 366 (the most a concert may have), against 0.10 and 0.45 ms for reading a counter column. With
     * the listing cache that is at most about two loads a second per concert and instance, so exactness wins.
     * (A JOIN ... GROUP BY form measured 0.30 and 5.9 ms: it sorted in a temporary table.)
     */
    List<DateAvailability> datesOf(ConcertId concert) {
        return jdbc.query("""
                        SELECT d.id, d.date, d.booking_opens_at,
                               (SELECT COUNT(*) FROM seat s WHERE s.schedule_id = d.id) AS total_seats,
                               (SELECT COUNT(*) FROM seat s WHERE s.schedule_id = d.id AND s.status = 'AVAILABLE') AS available_seats
                        FROM concert_date d
                        WHERE d.concert_id = ?
                        ORDER BY d.date""",
                (rs, row) -> new DateAvailability(new ScheduleId(rs.getLong("id")), rs.getObject("date", LocalDate.class),
                        rs.getObject("booking_opens_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getInt("available_seats"), rs.getInt("total_seats")),
                concert.toString());
    }

    List<ListedSeat> seatsOf(ScheduleId schedule) {
        return jdbc.query("SELECT seat_number, status, price FROM seat WHERE schedule_id = ? ORDER BY seat_number",
                (rs, row) -> new ListedSeat(new SeatNumber(rs.getInt("seat_number")),
                        SeatStatus.valueOf(rs.getString("status")), new Price(rs.getLong("price"))),
                schedule.value());
    }

    Optional<ScheduleId> scheduleOf(ConcertId concert, LocalDate date) {
        return jdbc.query("SELECT id FROM concert_date WHERE concert_id = ? AND date = ?",
                (rs, row) -> new ScheduleId(rs.getLong("id")), concert.toString(), date).stream().findFirst();
    }

    boolean concertExists(ConcertId concert) {
        return !jdbc.queryForList("SELECT 1 FROM concert WHERE id = ?", Integer.class, concert.toString()).isEmpty();
    }
}
