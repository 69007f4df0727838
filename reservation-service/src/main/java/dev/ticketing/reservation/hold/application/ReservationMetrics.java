package dev.ticketing.reservation.hold.application;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The service's business meters ({@code ticketing.reservation.*}); counted after the transaction committed.
 * {@code ticketing.reservation.seats.sold} carries the concert id: a handful of concerts are on sale at once.
 */
@Component
public class ReservationMetrics {

    private final MeterRegistry registry;
    private final Counter held;
    private final Counter seatUnavailable;
    private final Counter holdLimit;
    private final Counter expired;
    private final Counter confirmed;
    private final Counter rejected;
    private final Timer confirmationLag;

    ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
        held = holds(registry, "held");
        seatUnavailable = holds(registry, "seat_unavailable");
        holdLimit = holds(registry, "hold_limit");
        expired = Counter.builder("ticketing.reservation.expired").description("holds released unpaid")
                .register(registry);
        confirmed = Counter.builder("ticketing.reservation.confirmed").description("holds sold to their payer")
                .register(registry);
        rejected = Counter.builder("ticketing.reservation.rejected")
                .description("payments that arrived for a lost hold (refunded)").register(registry);
        confirmationLag = Timer.builder("ticketing.reservation.confirmation.lag")
                .description("from the payment's completion to its reservation's confirmation")
                .publishPercentileHistogram().register(registry);
    }

    void held() {
        held.increment();
    }

    void seatUnavailable() {
        seatUnavailable.increment();
    }

    void holdLimitReached() {
        holdLimit.increment();
    }

    void expired(int count) {
        expired.increment(count);
    }

    void confirmed(UUID concertId, Duration sincePayment) {
        confirmed.increment();
        confirmationLag.record(sincePayment);
        Counter.builder("ticketing.reservation.seats.sold").tag("concert", concertId.toString())
                .description("seats sold (reservations confirmed), per concert").register(registry).increment();
    }

    void rejected() {
        rejected.increment();
    }

    private static Counter holds(MeterRegistry registry, String outcome) {
        return Counter.builder("ticketing.reservation.holds").description("hold attempts that reached the database")
                .tag("outcome", outcome).register(registry);
    }
}
