package dev.ticketing.concert.catalog.adapter.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.concert.catalog.domain.Concert;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertSummary;
import dev.ticketing.concert.catalog.domain.Concerts;
import dev.ticketing.concert.catalog.domain.Schedule;
import dev.ticketing.concert.catalog.domain.Seat;

/** Concerts in MySQL with plain SQL: one insert per concert and date, seats in one JDBC batch. */
@Repository
class JdbcConcerts implements Concerts {

    private final JdbcTemplate jdbc;

    JdbcConcerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Concert concert) {
        jdbc.update("INSERT INTO concert (id, title, venue, created_at) VALUES (?, ?, ?, ?)",
                concert.id().toString(), concert.title(), concert.venue(), utc(concert.createdAt()));
        jdbc.batchUpdate("INSERT INTO concert_date (id, concert_id, date, booking_opens_at, base_price) VALUES (?, ?, ?, ?, ?)",
                concert.schedules(), concert.schedules().size(), (statement, schedule) -> {
                    statement.setString(1, schedule.id().toString());
                    statement.setString(2, concert.id().toString());
                    statement.setObject(3, schedule.date());
                    statement.setObject(4, utc(schedule.bookingOpensAt()));
                    statement.setLong(5, schedule.basePrice().won());
                });
        List<SeatRow> seats = new ArrayList<>();
        for (Schedule schedule : concert.schedules()) {
            schedule.seats().forEach(seat -> seats.add(new SeatRow(schedule, seat)));
        }
        jdbc.batchUpdate("INSERT INTO seat (schedule_id, seat_number, price, status, version) VALUES (?, ?, ?, ?, 0)",
                seats, seats.size(), JdbcConcerts::bindSeat);
    }

    @Override
    public List<ConcertSummary> summariesByTitle() {
        return jdbc.query("SELECT id, title, venue FROM concert ORDER BY title, id",
                (rs, row) -> new ConcertSummary(new ConcertId(UUID.fromString(rs.getString("id"))),
                        rs.getString("title"), rs.getString("venue")));
    }

    private static void bindSeat(PreparedStatement statement, SeatRow row) throws SQLException {
        statement.setString(1, row.schedule().id().toString());
        statement.setInt(2, row.seat().number().value());
        statement.setLong(3, row.seat().price().won());
        statement.setString(4, row.seat().status().name());
    }

    /** DATETIME columns hold UTC wall time; converting here keeps the JVM and session time zones out of it. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record SeatRow(Schedule schedule, Seat seat) {
    }
}
