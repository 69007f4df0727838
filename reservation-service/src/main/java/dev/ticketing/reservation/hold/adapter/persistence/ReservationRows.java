package dev.ticketing.reservation.hold.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.ticketing.reservation.hold.domain.Reservation;
import dev.ticketing.reservation.hold.domain.ReservationId;
import dev.ticketing.reservation.hold.domain.ReservationStatus;
import dev.ticketing.reservation.hold.domain.SeatNumber;

/** Maps reservation rows; times are stored as UTC DATETIME(6), ids as text. */
final class ReservationRows {

    private ReservationRows() {
    }

    static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(new ReservationId(uuid(rs, "id")), uuid(rs, "user_id"), uuid(rs, "token_id"),
                uuid(rs, "concert_id"), Long.parseLong(rs.getString("schedule_id")),
                rs.getObject("date", LocalDate.class), new SeatNumber(rs.getInt("seat_number")),
                rs.getLong("price"), ReservationStatus.valueOf(rs.getString("status")), uuid(rs, "payment_id"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "updated_at"));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
