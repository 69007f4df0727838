package dev.ticketing.audit;

import static dev.ticketing.audit.World.LONG_AGO;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.Discrepancy.Kind;

class MoneyRulesTest {

    private final World world = new World();

    @Test
    void balancesEqualChargesMinusPaymentsPlusRefunds() {
        world.sale("r1", "u1", 1);
        world.sale("r2", "u1", 2);
        world.refundedLateSale("r3", "u1", 3);
        world.charge("u2", 1_000);

        assertThat(MoneyRules.check(world.facts())).isEmpty();
    }

    @Test
    void aBalanceOffByAnyAmountIsReportedWithTheSum() {
        world.sale("r1", "u1", 1);
        world.balances.put("u1", 30_001L);

        assertThat(MoneyRules.check(world.facts())).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(
                "BALANCE_MISMATCH user=u1: expected balance 30000 (charges 80000 − payments 50000 + refunds 0), found balance 30001"));
    }

    @Test
    void aPaymentOfAUserWithoutBalanceRowCountsAsZeroBalance() {
        world.payments.add(new PaymentRow("p", "r", "u9", 10, "COMPLETED", LONG_AGO));

        assertThat(MoneyRules.check(world.facts())).singleElement()
                .satisfies(d -> assertThat(d.found()).isEqualTo("no balance row"));
    }

    @Test
    void aNegativeBalanceIsReportedEvenWhenTheSumsAgree() {
        world.payments.add(new PaymentRow("p", "r", "u1", 10, "COMPLETED", LONG_AGO));
        world.balances.put("u1", -10L);

        assertThat(MoneyRules.check(world.facts())).extracting(Discrepancy::kind).containsExactly(Kind.NEGATIVE_BALANCE);
    }

    @Test
    void aPaymentInAStatusTheAuditDoesNotKnowIsLeftOutRatherThanGuessedAt() {
        world.charge("u1", 100);
        world.payments.add(new PaymentRow("p", "r", "u1", 100, "PENDING", LONG_AGO));

        assertThat(MoneyRules.check(world.facts())).isEmpty();
        assertThat(PaymentRules.check(world.facts(), World.JUDGEMENT)).isEmpty();
    }
}
