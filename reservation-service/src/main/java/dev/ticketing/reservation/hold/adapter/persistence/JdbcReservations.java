package dev.ticketing.reservation.hold.adapter.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.reservation.hold.domain.HoldLimitReached;
import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.ReservationStatus;
import dev.ticketing.reservation.hold.domain.Reservations;
import dev.ticketing.reservation.hold.domain.SeatNumber;
import dev.ticketing.reservation.hold.domain.SeatUnavailable;

/**
 * Reservations in MySQL with plain SQL, because the SQL is the point: the INSERT whose unique keys pick the
 * one winner of a seat, and the FOR UPDATE (SKIP LOCKED) reads that serialize decisions on a reservation.
 */
@Repository
class JdbcReservations implements Reservations {

    private static final String COLUMNS = """
            id, user_id, token_id, concert_id, schedule_id, date, seat_number, price, status, payment_id,
            created_at, expires_at, updated_at""";

    private final JdbcTemplate jdbc;

    JdbcReservations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Reservation r) {
        try {
            jdbc.update("INSERT INTO reservation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.id().toString(), r.userId().toString(), r.tokenId().toString(), r.concertId().toString(),
                    Long.toString(r.scheduleId()), r.date(), r.seat().value(), r.price(), r.status().name(),
                    ReservationRows.text(r.paymentId()), ReservationRows.utc(r.heldAt()),
                    ReservationRows.utc(r.expiresAt()), ReservationRows.utc(r.updatedAt()));
        } catch (DuplicateKeyException e) {
            throw switch (UniqueKey.violatedBy(e)) {
                case SEAT_TAKEN -> new SeatUnavailable(r.scheduleId(), r.seat());
                case TOKEN_HOLDING -> new HoldLimitReached(r.tokenId());
                case OTHER -> e;
            };
        }
    }

    @Override
    public boolean seatTaken(long scheduleId, SeatNumber seat) {
        // Served by the unique index (schedule_id, seat_number, seat_taken) alone.
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM reservation WHERE schedule_id = ? AND seat_number = ? AND seat_taken = 1)",
                Boolean.class, Long.toString(scheduleId), seat.value()));
    }

    @Override
    public List<Reservation> newestOf(UUID userId, Optional<ReservationStatus> status, Optional<Position> before,
                                      int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM reservation WHERE user_id = ?");
        List<Object> args = new ArrayList<>(List.of(userId.toString()));
        status.ifPresent(only -> {
            sql.append(" AND status = ?");
            args.add(only.name());
        });
        before.ifPresent(position -> {
            // A range read of ix_reservation_user or ix_reservation_user_status (InnoDB appends the key id).
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            args.addAll(List.of(ReservationRows.utc(position.heldAt()), ReservationRows.utc(position.heldAt()),
                    position.id().toString()));
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ReservationRows::map, args.toArray());
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reservation WHERE id = ?", ReservationRows::map,
                id.toString()).stream().findFirst();
    }

    @Override
    public Optional<Reservation> lock(ReservationId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM reservation WHERE id = ? FOR UPDATE", ReservationRows::map,
                id.toString()).stream().findFirst();
    }

    @Override
    public List<Reservation> lockDueHolds(Instant now, int limit) {
        return jdbc.query("""
                SELECT %s FROM reservation
                WHERE status = 'HELD' AND payment_claimed_at IS NULL AND expires_at <= ?
                ORDER BY expires_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED""".formatted(COLUMNS), ReservationRows::map, ReservationRows.utc(now), limit);
    }

    @Override
    public boolean claimForPayment(ReservationId id, Instant now) {
        return jdbc.update("""
                UPDATE reservation SET payment_claimed_at = COALESCE(payment_claimed_at, ?)
                WHERE id = ? AND status = 'HELD' AND expires_at > ?""",
                ReservationRows.utc(now), id.toString(), ReservationRows.utc(now)) == 1;
    }

    @Override
    public List<ReservationId> dueClaimedHolds(Instant now, int limit) {
        return jdbc.query("""
                SELECT id FROM reservation
                WHERE status = 'HELD' AND payment_claimed_at IS NOT NULL AND expires_at <= ?
                ORDER BY expires_at
                LIMIT ?""", (rs, row) -> new ReservationId(UUID.fromString(rs.getString("id"))),
                ReservationRows.utc(now), limit);
    }

    @Override
    public void update(Reservation r) {
        int updated = jdbc.update("""
                UPDATE reservation SET status = ?, payment_id = ?, updated_at = ?, version = version + 1
                WHERE id = ?""", r.status().name(), ReservationRows.text(r.paymentId()),
                ReservationRows.utc(r.updatedAt()), r.id().toString());
        if (updated != 1) {
            throw new IllegalStateException("reservation " + r.id() + " was not there to update");
        }
    }
}
