package dev.ticketing.payment.balance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BalanceTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void aChargeAddsItsAmount() {
        assertThat(Balance.empty(user).charge(1).charge(10_000_000)).isEqualTo(new Balance(user, 10_000_001));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 10_000_001, Long.MIN_VALUE, Long.MAX_VALUE})
    void aChargeOutsideOneToTenMillionWonIsRefused(long amount) {
        assertThatThrownBy(() -> new Balance(user, 500).charge(amount))
                .isInstanceOf(BalanceRuleViolation.class)
                .hasMessageContaining("between 1 and 10000000");
    }

    @Test
    void aBalanceCanNeverBeNegative() {
        assertThatThrownBy(() -> new Balance(user, -1)).isInstanceOf(BalanceRuleViolation.class);
    }

    @Test
    void aPaymentTakesItsPriceDownToZero() {
        assertThat(new Balance(user, 30_000).pay(30_000)).isEqualTo(Balance.empty(user));
    }

    @Test
    void aPaymentTheBalanceDoesNotCoverIsRefusedWithWhatWasMissing() {
        assertThatThrownBy(() -> new Balance(user, 29_999).pay(30_000))
                .isInstanceOfSatisfying(InsufficientBalance.class, refused -> {
                    assertThat(refused.balance()).isEqualTo(29_999);
                    assertThat(refused.price()).isEqualTo(30_000);
                    assertThat(refused.userId()).isEqualTo(user);
                });
    }

    @Test
    void aRefundGivesTheAmountBack() {
        assertThat(new Balance(user, 70_000).refund(30_000)).isEqualTo(new Balance(user, 100_000));
    }

    @Test
    void negativePricesAndRefundsAreRefused() {
        assertThatThrownBy(() -> new Balance(user, 10).pay(-1)).isInstanceOf(BalanceRuleViolation.class);
        assertThatThrownBy(() -> new Balance(user, 10).refund(-1)).isInstanceOf(BalanceRuleViolation.class);
    }

    @Test
    void aBalanceThatWouldOverflowIsRefusedRatherThanWrapping() {
        assertThatThrownBy(() -> new Balance(user, Long.MAX_VALUE - 5).charge(10))
                .isInstanceOf(BalanceRuleViolation.class);
    }

    @Test
    void coversMeansAtLeastThePrice() {
        assertThat(new Balance(user, 100).covers(100)).isTrue();
        assertThat(new Balance(user, 100).covers(101)).isFalse();
    }
}
