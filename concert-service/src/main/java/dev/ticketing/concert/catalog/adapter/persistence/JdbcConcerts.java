package dev.ticketing.concert.catalog.adapter.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.concert.catalog.domain.Concert;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.ConcertSummary;
import dev.ticketing.concert.catalog.domain.Concerts;
import dev.ticketing.concert.catalog.domain.Price;
import dev.ticketing.concert.catalog.domain.Schedule;
import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.catalog.domain.Seat;
import dev.ticketing.concert.catalog.domain.SeatNumber;
import dev.ticketing.concert.catalog.domain.SeatStatus;

/** Concerts in MySQL with plain SQL: one insert per concert and date, seats in one JDBC batch. */
@Repository
class JdbcConcerts implements Concerts {

    private final JdbcTemplate jdbc;

    JdbcConcerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * MySQL has no sequences: the counter row is locked until the caller commits, so concurrent admin requests
     * take turns (they are rare) and never get the same ids.
     */
    @Override
    public List<ScheduleId> nextScheduleIds(int count) {
        if (count == 0) {
            return List.of();
        }
        long first = jdbc.queryForObject("SELECT next_value FROM id_sequence WHERE name = 'concert_date' FOR UPDATE", Long.class);
        jdbc.update("UPDATE id_sequence SET next_value = ? WHERE name = 'concert_date'", first + count);
        return LongStream.range(first, first + count).mapToObj(ScheduleId::new).toList();
    }

    @Override
    public void add(Concert concert) {
        jdbc.update("INSERT INTO concert (id, title, venue, created_at) VALUES (?, ?, ?, ?)",
                concert.id().toString(), concert.title(), concert.venue(), utc(concert.createdAt()));
        jdbc.batchUpdate("INSERT INTO concert_date (id, concert_id, date, booking_opens_at, base_price) VALUES (?, ?, ?, ?, ?)",
                concert.schedules(), concert.schedules().size(), (statement, schedule) -> {
                    statement.setLong(1, schedule.id().value());
                    statement.setString(2, concert.id().toString());
                    statement.setObject(3, schedule.date());
                    statement.setObject(4, utc(schedule.bookingOpensAt()));
                    statement.setLong(5, schedule.basePrice().won());
                });
        List<SeatRow> seats = new ArrayList<>();
        for (Schedule schedule : concert.schedules()) {
            schedule.seats().forEach(seat -> seats.add(new SeatRow(schedule, seat)));
        }
        jdbc.batchUpdate("INSERT INTO seat (schedule_id, seat_number, price, status) VALUES (?, ?, ?, ?)",
                seats, seats.size(), JdbcConcerts::bindSeat);
    }

    @Override
    public List<ConcertSummary> summariesByTitle() {
        return jdbc.query("SELECT id, title, venue FROM concert ORDER BY title, id",
                (rs, row) -> new ConcertSummary(new ConcertId(UUID.fromString(rs.getString("id"))),
                        rs.getString("title"), rs.getString("venue")));
    }

    @Override
    public Optional<ConcertSummary> summaryOf(ConcertId concert) {
        return jdbc.query("SELECT title, venue FROM concert WHERE id = ?",
                (rs, row) -> new ConcertSummary(concert, rs.getString("title"), rs.getString("venue")),
                concert.toString()).stream().findFirst();
    }

    @Override
    public Optional<Schedule> scheduleOf(ConcertId concert, LocalDate date) {
        return jdbc.query("SELECT id, booking_opens_at, base_price FROM concert_date WHERE concert_id = ? AND date = ?",
                        (rs, row) -> new DateRow(new ScheduleId(rs.getLong("id")),
                                rs.getObject("booking_opens_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                new Price(rs.getLong("base_price"))),
                        concert.toString(), date)
                .stream().findFirst()
                .map(found -> new Schedule(found.id(), date, found.bookingOpensAt(), found.basePrice(), seatsOf(found.id())));
    }

    private List<Seat> seatsOf(ScheduleId schedule) {
        return jdbc.query("SELECT seat_number, price, status FROM seat WHERE schedule_id = ? ORDER BY seat_number",
                (rs, row) -> new Seat(new SeatNumber(rs.getInt("seat_number")), new Price(rs.getLong("price")),
                        SeatStatus.valueOf(rs.getString("status"))),
                schedule.value());
    }

    private static void bindSeat(PreparedStatement statement, SeatRow row) throws SQLException {
        statement.setLong(1, row.schedule().id().value());
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

    private record DateRow(ScheduleId id, Instant bookingOpensAt, Price basePrice) {
    }
}
