package dev.ticketing.audit;

import static dev.ticketing.audit.World.LONG_AGO;
import static dev.ticketing.audit.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.AuditFacts.SeatRow;
import dev.ticketing.audit.Discrepancy.Kind;

class SeatRulesTest {

    private final World world = new World();

    @Test
    void aConsistentWorldHasNoDiscrepancy() {
        world.hold("r1", "u1", 1);
        world.sale("r2", "u2", 2);
        world.refundedLateSale("r3", "u3", 3);
        world.active("c1", "tok-r1", "ACTIVE", NOW.plusSeconds(60));

        assertThat(world.audit()).isEmpty();
    }

    @Test
    void twoReservationsTakingOneSeatAreReportedWithBothIds() {
        world.sale("r1", "u1", 7);
        world.reservations.add(new ReservationRow("r2", "u2", "1", 7, 50_000, "tok-r2", "HELD", null,
                NOW.plusSeconds(60), LONG_AGO));

        List<Discrepancy> found = SeatRules.check(world.facts(), World.JUDGEMENT);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SEAT_DOUBLE_OWNED);
            assertThat(d.id(Discrepancy.SEAT)).hasValue("1:7");
            assertThat(d.id(Discrepancy.RESERVATION)).hasValue("r1,r2");
        });
    }

    @Test
    void aSoldSeatWhoseReservationExpiredIsAReadModelMismatch() {
        ReservationRow sold = world.sale("r1", "u1", 4);
        world.replace(sold, World.withStatus(sold, "EXPIRED", LONG_AGO));
        world.payments.clear();
        world.balances.clear();
        world.charges.clear();

        List<Discrepancy> found = SeatRules.check(world.facts(), World.JUDGEMENT);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SEAT_READ_MODEL_MISMATCH);
            assertThat(d.expected()).isEqualTo("AVAILABLE");
            assertThat(d.found()).isEqualTo("SOLD for r1");
        });
    }

    @Test
    void aHeldReservationWhoseSeatShowsAvailableOrAnotherHolderIsAMismatch() {
        world.hold("r1", "u1", 1);
        world.seats.remove("1:1");
        world.hold("r2", "u2", 2);
        world.seats.put("1:2", new SeatRow("1", 2, "HELD", "someone-else"));

        assertThat(SeatRules.check(world.facts(), World.JUDGEMENT))
                .extracting(Discrepancy::kind, Discrepancy::expected, Discrepancy::found)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.SEAT_READ_MODEL_MISMATCH, "HELD for r1", "AVAILABLE"),
                        org.assertj.core.groups.Tuple.tuple(Kind.SEAT_READ_MODEL_MISMATCH, "HELD for r2", "HELD for someone-else"));
    }

    @Test
    void anOccupiedSeatWithoutAnyReservationIsAMismatch() {
        world.seats.put("2:9", new SeatRow("2", 9, "SOLD", "ghost"));

        assertThat(SeatRules.check(world.facts(), World.JUDGEMENT)).singleElement()
                .satisfies(d -> assertThat(d.line()).isEqualTo(
                        "SEAT_READ_MODEL_MISMATCH seat=2:9 reservation=ghost: expected AVAILABLE, found SOLD for ghost"));
    }

    @Test
    void aSeatWhoseReservationChangedWithinTheSettleWindowIsNotJudgedYet() {
        ReservationRow held = world.hold("r1", "u1", 1);
        world.replace(held, World.withStatus(held, "CONFIRMED", NOW.minusSeconds(2)));

        assertThat(SeatRules.check(world.facts(), World.JUDGEMENT)).isEmpty();
        assertThat(SeatRules.check(world.facts(), new Judgement(NOW.plusSeconds(4), Duration.ofSeconds(5))))
                .extracting(Discrepancy::kind).containsExactly(Kind.SEAT_READ_MODEL_MISMATCH);
    }

    @Test
    void aReservationOfAnUnknownScheduleIsReportedAsAMissingSeat() {
        world.reservations.add(new ReservationRow("r1", "u1", "99", 3, 50_000, "tok", "HELD", null, NOW.plusSeconds(60), LONG_AGO));

        assertThat(SeatRules.check(world.facts(), World.JUDGEMENT)).singleElement()
                .extracting(Discrepancy::found).isEqualTo("no such seat in concert-service");
    }

    @Test
    void aHoldPastExpiryPlusTheSettleWindowIsNotReleased() {
        world.reservations.add(new ReservationRow("late", "u1", "1", 5, 50_000, "tok", "HELD", null, NOW.minusSeconds(6), LONG_AGO));
        world.seats.put("1:5", new SeatRow("1", 5, "HELD", "late"));
        world.reservations.add(new ReservationRow("lagging", "u2", "1", 6, 50_000, "tok2", "HELD", null, NOW.minusSeconds(4), LONG_AGO));
        world.seats.put("1:6", new SeatRow("1", 6, "HELD", "lagging"));

        assertThat(SeatRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.HOLD_NOT_RELEASED);
            assertThat(d.ids()).containsEntry(Discrepancy.RESERVATION, "late").containsEntry(Discrepancy.USER, "u1");
        });
    }
}
