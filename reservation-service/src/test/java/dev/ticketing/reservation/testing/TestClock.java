package dev.ticketing.reservation.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in integration tests: it stands still until a test moves it, so expiry is driven by the
 * test instead of by waiting. It only moves forward, as time does for the other tests sharing it.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC");
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock to {@code instant}, or leaves it where it is if that is already later. */
    public Instant moveTo(Instant instant) {
        return now.updateAndGet(current -> instant.isAfter(current) ? instant : current);
    }
}
