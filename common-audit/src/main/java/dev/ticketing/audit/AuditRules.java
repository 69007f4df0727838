package dev.ticketing.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cross-service rules of DESIGN.md section 6 over facts already read: pure functions, so they run the same in
 * {@code ./stack audit} and behind {@code GET /api/v1/admin/audit}.
 *
 * <p>Whoever reads the facts reads concert-service's schema first, then reservation-service's, then
 * payment-service's: every reservation behind a seat's state is then in the later snapshot, and anything newer carries
 * a fresh timestamp that the settle window skips, so eventual consistency does not look like a fault.
 */
public final class AuditRules {

    private AuditRules() {
    }

    public static List<Discrepancy> check(AuditFacts facts, Judgement judgement) {
        List<Discrepancy> found = new ArrayList<>();
        found.addAll(SeatRules.check(facts, judgement));
        found.addAll(PaymentRules.check(facts, judgement));
        found.addAll(MoneyRules.check(facts));
        found.addAll(QueueRules.check(facts, judgement));
        found.addAll(DeliveryRules.check(facts, judgement));
        return List.copyOf(found);
    }

    /** The report on these facts; {@code queueSkipped} says why the queue was not read, when it was not. */
    public static AuditReport judge(AuditFacts facts, Judgement judgement, Optional<String> queueSkipped) {
        return new AuditReport(check(facts, judgement), facts, judgement, queueSkipped);
    }
}
