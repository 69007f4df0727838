package dev.ticketing.messaging.testapp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.ticketing.events.BalanceCharged;
import dev.ticketing.events.ReservationHeld;

/** Valid events with fresh ids; every schedule id is new, so each test has keys of its own. */
public final class TestEvents {

    private static final AtomicLong SCHEDULES = new AtomicLong(System.currentTimeMillis());
    private static final Instant NOW = Instant.parse("2026-11-21T09:30:15.123Z");

    private TestEvents() {
    }

    public static long newScheduleId() {
        return SCHEDULES.incrementAndGet();
    }

    /** A hold of seat {@code seatNumber} of {@code scheduleId}; its key is {@code scheduleId:seatNumber}. */
    public static ReservationHeld held(long scheduleId, int seatNumber) {
        return new ReservationHeld(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), scheduleId,
                LocalDate.of(2026, 12, 24), seatNumber, 150_000, UUID.randomUUID(), NOW, NOW.plusSeconds(300));
    }

    public static ReservationHeld held() {
        return held(newScheduleId(), 17);
    }

    /** A charge of the given user; payment events are keyed by user id. */
    public static BalanceCharged charged(UUID userId) {
        return new BalanceCharged(userId, UUID.randomUUID(), 10_000, 10_000, NOW);
    }
}
