package dev.ticketing.reservation.testing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.ticketing.events.EventSerde;
import dev.ticketing.events.ReservationEvent;
import dev.ticketing.events.Topics;

/** Reads the service's tables directly: what was committed, whatever has or has not reached Kafka yet. */
public final class ReservationTable {

    private static final EventSerde SERDE = new EventSerde();

    private final JdbcTemplate jdbc;

    public ReservationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String status(UUID reservationId) {
        return jdbc.queryForObject("SELECT status FROM reservation WHERE id = ?", String.class,
                reservationId.toString());
    }

    public int reservationsOfSchedule(long scheduleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE schedule_id = ?", Integer.class,
                Long.toString(scheduleId));
    }

    /** Every reservation event ever appended to the outbox for the seat, oldest first. */
    public List<ReservationEvent> outboxEventsOfSeat(long scheduleId, int seatNumber) {
        return jdbc.query("SELECT payload FROM outbox WHERE topic = ? AND message_key = ? ORDER BY id",
                (rs, row) -> SERDE.read(rs.getBytes("payload"), ReservationEvent.class).payload(),
                Topics.RESERVATION_EVENTS, scheduleId + ":" + seatNumber);
    }

    /** Whether this service's inbox has recorded (and so committed the effects of) the event. */
    public boolean processed(UUID eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE consumer = 'reservation-service' "
                + "AND event_id = ?", Integer.class, eventId.toString()) == 1;
    }
}
