package dev.ticketing.audit;

import static dev.ticketing.audit.World.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.ReservationRow;
import dev.ticketing.audit.Discrepancy.Kind;

class QueueRulesTest {

    private final World world = new World();

    @Test
    void moreActiveTokensThanTheMaximumIsOverCapacity() {
        world.maxActive = 2;
        world.active("c1", "a", "ACTIVE", NOW.plusSeconds(60));
        world.active("c1", "b", "ACTIVE", NOW.plusSeconds(60));
        world.active("c2", "c", "ACTIVE", NOW.plusSeconds(60));
        world.active("c2", "d", "ACTIVE", NOW.plusSeconds(60));
        world.active("c2", "e", "ACTIVE", NOW.plusSeconds(60));

        assertThat(QueueRules.check(world.facts(), World.JUDGEMENT)).singleElement().satisfies(d -> assertThat(d.line())
                .isEqualTo("QUEUE_OVER_CAPACITY concert=c2: expected at most 2 ACTIVE tokens, found 3 ACTIVE"));
    }

    @Test
    void aTokenStillActiveLongAfterItsReservationWasPaidOrExpiredIsReported() {
        ReservationRow paid = world.sale("r1", "u1", 1);
        world.refundedLateSale("r2", "u2", 2);
        world.active("c1", paid.tokenId(), "ACTIVE", NOW.plusSeconds(60));
        world.active("c1", "tok-r2", "ACTIVE", NOW.plusSeconds(60));

        assertThat(QueueRules.check(world.facts(), World.JUDGEMENT))
                .extracting(Discrepancy::kind, d -> d.ids().get(Discrepancy.RESERVATION), Discrepancy::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.TOKEN_OUTLIVED_RESERVATION, "r1", "token EXPIRED (PAID)"),
                        org.assertj.core.groups.Tuple.tuple(Kind.TOKEN_OUTLIVED_RESERVATION, "r2", "token EXPIRED (HOLD_EXPIRED)"));
    }

    @Test
    void aTokenWhoseReservationWasJustConfirmedIsGivenTheSettleWindow() {
        ReservationRow held = world.hold("r1", "u1", 1);
        world.replace(held, World.withStatus(held, "CONFIRMED", NOW.minusSeconds(1)));
        world.active("c1", held.tokenId(), "ACTIVE", NOW.plusSeconds(60));

        assertThat(QueueRules.check(world.facts(), World.JUDGEMENT)).isEmpty();
    }

    @Test
    void aTokenPastItsActiveTimeOrNotActiveInItsRecordIsNotEnded() {
        world.active("c1", "late", "ACTIVE", NOW.minusSeconds(6));
        world.active("c1", "justNow", "ACTIVE", NOW.minusSeconds(4));
        world.active("c2", "ended", "EXPIRED", NOW.plusSeconds(60));
        world.active("c2", "gone", null, NOW.plusSeconds(60));

        assertThat(QueueRules.check(world.facts(), World.JUDGEMENT))
                .extracting(Discrepancy::kind, d -> d.ids().get(Discrepancy.TOKEN), Discrepancy::found)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Kind.TOKEN_NOT_ENDED, "late", "still ACTIVE, 6 s ago"),
                        org.assertj.core.groups.Tuple.tuple(Kind.TOKEN_NOT_ENDED, "ended", "token EXPIRED"),
                        org.assertj.core.groups.Tuple.tuple(Kind.TOKEN_NOT_ENDED, "gone", "no token record"));
    }
}
