package dev.ticketing.reservation.hold.application;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** The service's business meters ({@code ticketing.reservation.*}); counted after the transaction committed. */
@Component
public class ReservationMetrics {

    private final Counter held;
    private final Counter seatUnavailable;
    private final Counter holdLimit;
    private final Counter expired;
    private final Counter confirmed;
    private final Counter rejected;
    private final Timer confirmationLag;

    ReservationMetrics(MeterRegistry registry) {
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

    void confirmed(Duration sincePayment) {
        confirmed.increment();
        confirmationLag.record(sincePayment);
    }

    void rejected() {
        rejected.increment();
    }

    private static Counter holds(MeterRegistry registry, String outcome) {
        return Counter.builder("ticketing.reservation.holds").description("hold attempts that reached the database")
                .tag("outcome", outcome).register(registry);
    }
}
