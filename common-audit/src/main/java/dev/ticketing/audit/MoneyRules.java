package dev.ticketing.audit;

import static dev.ticketing.audit.Discrepancy.USER;
import static dev.ticketing.audit.Discrepancy.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.ticketing.audit.AuditFacts.PaymentRow;
import dev.ticketing.audit.Discrepancy.Kind;

/**
 * Invariant 2 inside payment-service's schema: per user, balance = charges − payments + refunds, where a refunded
 * payment is one whose status became REFUNDED (the amount went back); so balance = charges − COMPLETED payments.
 * Payments in any other status (none exist today) are left out rather than guessed at. All of it changes in one
 * transaction and is read in one snapshot, so no settle window applies.
 */
final class MoneyRules {

    private MoneyRules() {
    }

    static List<Discrepancy> check(AuditFacts facts) {
        Map<String, Long> paid = new TreeMap<>();
        Map<String, Long> refunded = new TreeMap<>();
        for (PaymentRow payment : facts.payments()) {
            if (!"COMPLETED".equals(payment.status()) && !"REFUNDED".equals(payment.status())) {
                continue;
            }
            paid.merge(payment.userId(), payment.amount(), Long::sum);
            if ("REFUNDED".equals(payment.status())) {
                refunded.merge(payment.userId(), payment.amount(), Long::sum);
            }
        }
        TreeSet<String> users = new TreeSet<>(facts.balances().keySet());
        users.addAll(facts.charges().keySet());
        users.addAll(paid.keySet());
        List<Discrepancy> found = new ArrayList<>();
        for (String user : users) {
            long charges = facts.charges().getOrDefault(user, 0L);
            long payments = paid.getOrDefault(user, 0L);
            long refunds = refunded.getOrDefault(user, 0L);
            long expected = charges - payments + refunds;
            Long balance = facts.balances().get(user);
            long actual = balance == null ? 0 : balance;
            if (actual != expected) {
                found.add(new Discrepancy(Kind.BALANCE_MISMATCH, ids(USER, user),
                        "balance " + expected + " (charges " + charges + " − payments " + payments + " + refunds " + refunds + ")",
                        balance == null ? "no balance row" : "balance " + actual));
            }
            if (actual < 0) {
                found.add(new Discrepancy(Kind.NEGATIVE_BALANCE, ids(USER, user), "balance ≥ 0", "balance " + actual));
            }
        }
        return found;
    }
}
