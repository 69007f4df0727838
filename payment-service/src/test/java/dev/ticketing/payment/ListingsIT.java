package dev.ticketing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.ticketing.payment.support.IntegrationScenario;
import dev.ticketing.payment.support.PaymentApi.Answer;

/** A fan's payments and balance history: owner-only, newest first, paged by cursor, bad paging refused. */
class ListingsIT extends IntegrationScenario {

    private static final String HISTORY = "/api/v1/balance/history";
    private static final String PAYMENTS = "/api/v1/payments";

    @Test
    void twoFansInterleavingEachSeeOnlyTheirOwnRows() {
        UUID ana = newUser();
        UUID ben = newUser();
        for (int i = 1; i <= 3; i++) {
            api().charge(ana, 10_000 * i);
            api().charge(ben, 1_000 * i);
            pay(ana, 5_000);
            pay(ben, 500);
        }

        List<JsonNode> anasHistory = api().all(ana, HISTORY, 2);
        List<JsonNode> bensHistory = api().all(ben, HISTORY, 2);
        assertThat(anasHistory).hasSize(6);
        assertThat(bensHistory).hasSize(6);
        assertThat(anasHistory).extracting(entry -> entry.get("amount").asLong()).containsExactly(
                -5_000L, 30_000L, -5_000L, 20_000L, -5_000L, 10_000L);
        assertThat(bensHistory).extracting(entry -> entry.get("amount").asLong()).containsExactly(
                -500L, 3_000L, -500L, 2_000L, -500L, 1_000L);
        assertAddsUpTo(anasHistory, api().balance(ana));
        assertAddsUpTo(bensHistory, api().balance(ben));

        List<JsonNode> anasPayments = api().all(ana, PAYMENTS, 2);
        assertThat(anasPayments).hasSize(3).allSatisfy(payment -> {
            assertThat(payment.get("amount").asLong()).isEqualTo(5_000);
            assertThat(payment.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(payment.has("refundedAt")).isFalse();
        });
        assertThat(ids(anasPayments, "paymentId")).doesNotContainAnyElementsOf(ids(api().all(ben, PAYMENTS, 2),
                "paymentId"));
        // Each payment in the list is one the history took money for, newest first in both.
        assertThat(ids(anasPayments, "paymentId")).containsExactlyElementsOf(ids(anasHistory.stream()
                .filter(entry -> entry.get("kind").asString().equals("PAYMENT")).toList(), "paymentId"));
    }

    @Test
    void aPageContinuesAfterTheLastOneEvenWhenNewRowsArriveInBetween() {
        UUID fan = newUser();
        for (int i = 1; i <= 5; i++) {
            api().charge(fan, i);
        }
        Answer first = api().get(fan, HISTORY, "limit=2");
        assertThat(amounts(first)).containsExactly(5L, 4L);

        api().charge(fan, 100);
        Answer second = api().get(fan, HISTORY, "limit=2&cursor=" + first.json().get("nextCursor").asString());
        Answer third = api().get(fan, HISTORY, "limit=2&cursor=" + second.json().get("nextCursor").asString());

        assertThat(amounts(second)).containsExactly(3L, 2L);
        assertThat(amounts(third)).containsExactly(1L);
        assertThat(third.json().get("nextCursor").isNull()).isTrue();
        assertThat(amounts(api().get(fan, HISTORY, null))).containsExactly(100L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void aFanWithNothingYetGetsEmptyLists() {
        UUID fan = newUser();
        for (String path : List.of(HISTORY, PAYMENTS)) {
            Answer answer = api().get(fan, path, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("items").isEmpty()).isTrue();
            assertThat(answer.json().get("nextCursor").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=abc", "limit=-1", "cursor=bm90LW91cnM",
            "cursor=%25%25", "limit=5&cursor="})
    void badPagingIsRefusedWithAProblemAndNothingRead(String query) {
        UUID fan = newUser();
        api().charge(fan, 1_000);
        for (String path : List.of(HISTORY, PAYMENTS)) {
            Answer answer = api().get(fan, path, query);
            assertThat(answer.status()).as(path + "?" + query).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void aCursorOfOneListingIsNoPositionInTheOther() {
        UUID fan = newUser();
        api().charge(fan, 1_000);
        pay(fan, 100);
        pay(fan, 100);
        String paymentsCursor = api().get(fan, PAYMENTS, "limit=1").json().get("nextCursor").asString();
        String historyCursor = api().get(fan, HISTORY, "limit=1").json().get("nextCursor").asString();

        assertThat(api().get(fan, HISTORY, "cursor=" + paymentsCursor).status()).isEqualTo(400);
        assertThat(api().get(fan, PAYMENTS, "cursor=" + historyCursor).status()).isEqualTo(400);
    }

    private void pay(UUID user, long price) {
        Answer paid = api().pay(user, UUID.randomUUID(), holdFor(user, price), null);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    /** Oldest to newest, each entry's balance is the one before plus its amount, ending at the balance. */
    private static void assertAddsUpTo(List<JsonNode> newestFirst, long balance) {
        long running = 0;
        for (JsonNode entry : newestFirst.reversed()) {
            running += entry.get("amount").asLong();
            assertThat(entry.get("balanceAfter").asLong()).isEqualTo(running);
        }
        assertThat(running).isEqualTo(balance);
    }

    private static List<Long> amounts(Answer page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> amounts = new ArrayList<>();
        page.json().get("items").forEach(entry -> amounts.add(entry.get("amount").asLong()));
        return amounts;
    }

    private static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(item -> item.get(field).asString()).toList();
    }
}
