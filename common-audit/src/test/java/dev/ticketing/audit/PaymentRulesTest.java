package dev.ticketing.audit;

import static dev.ticketing.audit.World.LONG_AGO;
import static dev.ticketing.audit.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.Discrepancy.Kind;

class PaymentRulesTest {

    private final World world = new World();

    @Test
    void aCompletedPaymentWhoseReservationExpiredWithoutRefundIsAPaymentWithoutSeat() {
        ReservationRow late = world.refundedLateSale("r1", "u1", 1);
        world.payments.set(0, new PaymentRow("pay-r1", late.id(), "u1", 30_000, "COMPLETED", LONG_AGO));

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.PAYMENT_WITHOUT_SEAT);
            assertThat(d.ids()).containsEntry(Discrepancy.PAYMENT, "pay-r1").containsEntry(Discrepancy.RESERVATION, "r1")
                    .containsEntry(Discrepancy.USER, "u1").containsEntry(Discrepancy.SEAT, "2:1");
            assertThat(d.found()).isEqualTo("reservation EXPIRED, payment COMPLETED");
        });
    }

    @Test
    void aCompletedPaymentOfAnUnknownReservationIsAPaymentWithoutSeat() {
        world.payments.add(new PaymentRow("p", "nowhere", "u1", 10, "COMPLETED", LONG_AGO));

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).singleElement()
                .extracting(Discrepancy::found).isEqualTo("no such reservation");
    }

    @Test
    void aPaymentJustMadeIsNotJudgedBeforeTheSettleWindow() {
        world.hold("r1", "u1", 1);
        world.payments.add(new PaymentRow("p", "r1", "u1", 50_000, "COMPLETED", NOW.minusSeconds(1)));

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).isEmpty();
    }

    @Test
    void aConfirmedReservationOfAnotherUserPriceOrPaymentIsAMismatch() {
        world.sale("r1", "u1", 1);
        world.payments.set(0, new PaymentRow("pay-other", "r1", "u2", 40_000, "COMPLETED", LONG_AGO));

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.PAYMENT_RESERVATION_MISMATCH);
            assertThat(d.found()).isEqualTo("reservation of user u1; price 50000 but paid 40000; confirmed by payment pay-r1");
        });
    }

    @Test
    void aConfirmedReservationWithoutCompletedPaymentIsASeatWithoutPayment() {
        world.sale("r1", "u1", 1);
        world.payments.clear();

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SEAT_WITHOUT_PAYMENT);
            assertThat(d.ids()).containsEntry(Discrepancy.RESERVATION, "r1").containsEntry(Discrepancy.PAYMENT, "pay-r1");
            assertThat(d.found()).isEqualTo("0 completed payments");
        });
    }

    @Test
    void aRefundedPaymentOfAConfirmedReservationIsReported() {
        world.sale("r1", "u1", 1);
        world.payments.set(0, new PaymentRow("pay-r1", "r1", "u1", 50_000, "REFUNDED", LONG_AGO));

        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).extracting(Discrepancy::kind)
                .containsExactly(Kind.REFUNDED_SEAT_CONFIRMED, Kind.SEAT_WITHOUT_PAYMENT);
    }
}
