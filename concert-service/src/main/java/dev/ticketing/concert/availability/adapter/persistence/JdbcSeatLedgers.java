package dev.ticketing.concert.availability.adapter.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.concert.availability.domain.LockedSeat;
import dev.ticketing.concert.availability.domain.ReservationId;
import dev.ticketing.concert.availability.domain.SeatKey;
import dev.ticketing.concert.availability.domain.SeatLedger;
import dev.ticketing.concert.availability.domain.SeatLedgers;
import dev.ticketing.concert.availability.domain.SeatReservation;
import dev.ticketing.concert.availability.domain.SeatState;
import dev.ticketing.concert.catalog.domain.ConcertId;
import dev.ticketing.concert.catalog.domain.SeatStatus;

/** The seat table's status and holder, and seat_reservation, under the seat's row lock. */
@Repository
class JdbcSeatLedgers implements SeatLedgers {

    private final JdbcTemplate jdbc;

    JdbcSeatLedgers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The seat row lock comes first, and the other reads are locking reads too: a plain SELECT under
     * REPEATABLE READ could see a snapshot older than the transaction that held the lock before us.
     */
    @Override
    public Optional<LockedSeat> lock(SeatKey seat) {
        Optional<SeatState> shown = jdbc.query(
                "SELECT status, holder_reservation_id FROM seat WHERE schedule_id = ? AND seat_number = ? FOR UPDATE",
                (rs, row) -> stateOf(rs.getString("status"), rs.getString("holder_reservation_id")),
                seat.schedule().value(), seat.number().value()).stream().findFirst();
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        Where where = jdbc.queryForObject("SELECT concert_id, date FROM concert_date WHERE id = ?",
                (rs, row) -> new Where(new ConcertId(UUID.fromString(rs.getString("concert_id"))),
                        rs.getObject("date", LocalDate.class)),
                seat.schedule().value());
        List<SeatReservation> reservations = jdbc.query("""
                        SELECT reservation_id, held_at, outcome FROM seat_reservation
                        WHERE schedule_id = ? AND seat_number = ? FOR UPDATE""",
                (rs, row) -> new SeatReservation(new ReservationId(UUID.fromString(rs.getString("reservation_id"))),
                        utcInstantOrNull(rs.getObject("held_at", LocalDateTime.class)),
                        SeatReservation.Outcome.valueOf(rs.getString("outcome"))),
                seat.schedule().value(), seat.number().value());
        return Optional.of(new LockedSeat(seat, where.concert(), where.date(), shown.get(), SeatLedger.of(reservations)));
    }

    @Override
    public void save(SeatKey seat, SeatReservation reservation) {
        LocalDateTime heldAt = reservation.heldAt() == null ? null : LocalDateTime.ofInstant(reservation.heldAt(), ZoneOffset.UTC);
        jdbc.update("""
                        INSERT INTO seat_reservation (schedule_id, seat_number, reservation_id, held_at, outcome)
                        VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE held_at = ?, outcome = ?""",
                seat.schedule().value(), seat.number().value(), reservation.id().toString(), heldAt,
                reservation.outcome().name(), heldAt, reservation.outcome().name());
    }

    @Override
    public void show(SeatKey seat, SeatState state) {
        jdbc.update("UPDATE seat SET status = ?, holder_reservation_id = ? WHERE schedule_id = ? AND seat_number = ?",
                state.status().name(), state.holder() == null ? null : state.holder().toString(),
                seat.schedule().value(), seat.number().value());
    }

    private static SeatState stateOf(String status, String holder) {
        return new SeatState(SeatStatus.valueOf(status), holder == null ? null : new ReservationId(UUID.fromString(holder)));
    }

    private static Instant utcInstantOrNull(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private record Where(ConcertId concert, LocalDate date) {
    }
}
