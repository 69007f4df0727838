package dev.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.MixedWorkload;
import dev.ticketing.payment.support.MixedWorkload.Paid;
import dev.ticketing.payment.support.ReservationEventsPublisher;

/**
 * Invariant 2 under a random concurrent mix of charges (some with an Idempotency-Key sent twice at once),
 * payments (some sent twice at once, some not covered) and rejections delivered through Kafka (some twice,
 * some for a payment already rejected). Afterwards, for every user, in the tables: charges - payments +
 * refunds = balance, never negative, and the tables agree with what the clients were told.
 */
class MoneyConservationIT extends IntegrationScenario {

    private static final int USERS = 5;
    private static final int OPERATIONS = 300;

    @Test
    void everyUsersChargesMinusPaymentsPlusRefundsIsTheirBalance() throws Exception {
        long seed = System.nanoTime();
        List<UUID> users = IntStream.range(0, USERS).mapToObj(i -> newUser()).toList();
        try (ReservationEventsPublisher publisher = new ReservationEventsPublisher(bootstrapServers)) {
            MixedWorkload workload = new MixedWorkload(api(), this::holdFor, publisher, clock);
            workload.run(users, seed, OPERATIONS);
            awaitEveryRejectionConsumed(workload, publisher);

            assertThat(workload.violations()).as("seed %d", seed).isEmpty();
            // The workload really moved money both ways, or the sums below would prove little.
            assertThat(users.stream().mapToInt(user -> workload.paidBy(user).size()).sum()).isGreaterThan(20);
            assertThat(workload.rejections()).isGreaterThan(5);
            for (UUID user : users) {
                String as = "seed " + seed + ", user " + user;
                Ledger ledger = ledgerOf(user);
                assertThat(ledger.charges() - ledger.payments() + ledger.refunds()).as(as).isEqualTo(ledger.balance());
                assertThat(ledger.balance()).as(as).isNotNegative();
                assertThat(ledger.charges()).as(as).isEqualTo(workload.chargedBy(user));
                Set<UUID> paid = workload.paidBy(user).stream().map(Paid::paymentId).collect(Collectors.toSet());
                assertThat(paymentIds(user, "'COMPLETED', 'REFUNDED'")).as(as).isEqualTo(paid);
                Set<UUID> refunded = paymentIds(user, "'REFUNDED'");
                assertThat(refunded).as(as).isEqualTo(paid.stream().filter(workload::wasRejected)
                        .collect(Collectors.toSet()));
                assertThat(outboxEvents("PaymentRefunded", user.toString())).as(as).isEqualTo(refunded.size());
                assertHistoryAddsUp(user, ledger.balance(), paid.size() + refunded.size(), as);
            }
        }
    }

    /** Rejections share one seat key, so once a last one is refunded every earlier one was consumed. */
    private void awaitEveryRejectionConsumed(MixedWorkload workload, ReservationEventsPublisher publisher) {
        UUID user = newUser();
        api().charge(user, 1_000);
        UUID reservation = holdFor(user, 1_000);
        UUID paymentId = UUID.fromString(
                api().pay(user, UUID.randomUUID(), reservation, null).json().get("paymentId").asString());
        EventEnvelope<?> last = EventEnvelope.of(workload.rejectionOf(user, new Paid(reservation, paymentId, 1_000)),
                clock);
        assertThat(last.key()).isEqualTo(MixedWorkload.REJECTION_SEAT_KEY);
        publisher.publish(last);
        await().atMost(Duration.ofSeconds(60)).until(() -> paymentIds(user, "'REFUNDED'").contains(paymentId));
    }

    /**
     * The fan's own view of the same: their history, written while everything above ran at once, holds every
     * payment and refund, and oldest to newest each entry's balance is the last one's plus its amount.
     */
    private void assertHistoryAddsUp(UUID user, long balance, int paymentsAndRefunds, String as) {
        List<JsonNode> history = api().all(user, "/api/v1/balance/history", 7);
        assertThat(history.stream().filter(entry -> !entry.get("kind").asString().equals("CHARGE")).count()).as(as)
                .isEqualTo(paymentsAndRefunds);
        long running = 0;
        for (JsonNode entry : history.reversed()) {
            running += entry.get("amount").asLong();
            assertThat(entry.get("balanceAfter").asLong()).as(as + ", entry " + entry).isEqualTo(running);
        }
        assertThat(running).as(as).isEqualTo(balance);
    }

    private Ledger ledgerOf(UUID user) {
        String id = user.toString();
        return new Ledger(
                sum("SELECT COALESCE(SUM(amount), 0) FROM balance_charge WHERE user_id = ?", id),
                sum("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE user_id = ?", id),
                sum("SELECT COALESCE(SUM(amount), 0) FROM payment WHERE user_id = ? AND status = 'REFUNDED'", id),
                balanceRow(user));
    }

    private long sum(String sql, String userId) {
        return jdbc.queryForObject(sql, Long.class, userId);
    }

    private Set<UUID> paymentIds(UUID user, String statuses) {
        return jdbc.queryForList("SELECT id FROM payment WHERE user_id = ? AND status IN (" + statuses + ")",
                String.class, user.toString()).stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    private record Ledger(long charges, long payments, long refunds, long balance) {
    }
}
