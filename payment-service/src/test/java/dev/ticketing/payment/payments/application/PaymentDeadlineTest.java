package dev.ticketing.payment.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ticketing.payment.payments.domain.Payment;
import dev.ticketing.payment.payments.domain.Payments;
import dev.ticketing.payment.payments.domain.Reservation;
import dev.ticketing.payment.payments.domain.ReservationStatus;

/** A payment starts its claim and its transaction only with the time they need left; the wait counts. */
class PaymentDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-12-24T18:00:00Z");
    private static final PaymentTimeBudget BUDGET = new PaymentTimeBudget(Duration.ofSeconds(4), Duration.ofSeconds(3),
            Duration.ofSeconds(1));

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final AtomicInteger claims = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID user = UUID.randomUUID();
    private final UUID concert = UUID.randomUUID();
    private final PayReservation command = new PayReservation(user, UUID.randomUUID(), concert, UUID.randomUUID());
    private Duration claimTakes = Duration.ZERO;
    private Duration claimGiven;

    /** check() uses the claim, the payments table and the clock; the rest belongs to complete(). */
    private final Paying paying = new Paying(this::claim, new NoPaymentsYet(), null, null, null, null,
            new PaymentMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPaymentWithItsBudgetAheadClaimsAndIsReadyForItsTransaction() {
        PaymentPlan plan = paying.check(command, arrivedAgo(Duration.ZERO));

        assertThat(plan.reservation().id()).isEqualTo(command.reservationId());
        assertThat(claims).hasValue(1);
        assertThat(outOfTime("claim") + outOfTime("transaction")).isZero();
    }

    @Test
    void aPaymentThatWaitedTooLongForASlotIsNotClaimedAtAll() {
        PaymentDeadline deadline = arrivedAgo(Duration.ofMillis(1_001));

        assertThatThrownBy(() -> paying.check(command, deadline)).isInstanceOf(PaymentOutOfTime.class)
                .extracting(failure -> ((PaymentOutOfTime) failure).step()).isEqualTo("claim");
        assertThat(claims).hasValue(0);
        assertThat(outOfTime("claim")).isEqualTo(1);
    }

    @Test
    void aPaymentWhoseClaimWasSlowDoesNotStartItsTransaction() {
        claimTakes = Duration.ofMillis(2_500);
        PaymentDeadline deadline = arrivedAgo(Duration.ofMillis(600));

        assertThatThrownBy(() -> paying.check(command, deadline)).isInstanceOf(PaymentOutOfTime.class)
                .extracting(failure -> ((PaymentOutOfTime) failure).step()).isEqualTo("transaction");
        assertThat(claims).hasValue(1);
        assertThat(outOfTime("transaction")).isEqualTo(1);
    }

    @Test
    void theClaimIsGivenAllThatIsLeftButTheTransactionsNeed() {
        paying.check(command, arrivedAgo(Duration.ofMillis(300)));
        assertThat(claimGiven).isEqualTo(Duration.ofMillis(2_700));

        paying.check(command, arrivedAgo(Duration.ofSeconds(1)));
        assertThat(claimGiven).as("the least a claim is ever given").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void exactlyTheTimeAStepNeedsIsEnough() {
        claimTakes = Duration.ofSeconds(2);

        assertThat(paying.check(command, arrivedAgo(Duration.ofSeconds(1))).reservation()).isNotNull();
    }

    @Test
    void theBudgetMustLeaveEachStepNoMoreThanTheOneBefore() {
        assertThatThrownBy(() -> new PaymentTimeBudget(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTimeBudget(Duration.ofSeconds(4), Duration.ofSeconds(1),
                Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTimeBudget(Duration.ofSeconds(4), Duration.ofSeconds(3),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private PaymentDeadline arrivedAgo(Duration waited) {
        long arrived = nanoTime.get() - waited.toNanos();
        return new PaymentDeadline(arrived + BUDGET.answerWithin().toNanos(), BUDGET, nanoTime::get);
    }

    private Optional<PaymentClaim> claim(UUID reservationId, UUID payerId, UUID concertId, Duration within) {
        claims.incrementAndGet();
        claimGiven = within;
        nanoTime.addAndGet(claimTakes.toNanos());
        return Optional.of(new PaymentClaim(new Reservation(reservationId, payerId, concertId, UUID.randomUUID(),
                30_000L, ReservationStatus.HELD, NOW.plusSeconds(300)), true));
    }

    private double outOfTime(String step) {
        return meters.counter("ticketing.payment.out_of_time", "step", step).count();
    }

    private static final class NoPaymentsYet implements Payments {

        @Override
        public boolean existsFor(UUID reservationId) {
            return false;
        }

        @Override
        public Optional<Payment> find(UUID paymentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Payment> newestOf(UUID userId, Optional<Payments.Position> before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addIfFirstFor(Payment payment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Payment> lock(UUID paymentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveRefund(Payment refunded) {
            throw new UnsupportedOperationException();
        }
    }
}
