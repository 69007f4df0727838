package dev.ticketing.payment.balance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.events.BalanceCharged;

class ChargeTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void aChargeRecordsWhatItAddedAndTheBalanceItLeft() {
        Charged charged = Charge.of(new Balance(user, 15_000), 5_000, Instant.EPOCH);
        Charge charge = charged.charge();

        assertThat(charge.userId()).isEqualTo(user);
        assertThat(charge.amount()).isEqualTo(5_000);
        assertThat(charge.balanceAfter()).isEqualTo(15_000);
        assertThat(charged.event()).isEqualTo(new BalanceCharged(user, charge.id(), 5_000, 15_000, Instant.EPOCH));
    }

    @Test
    void aChargeCannotLeaveLessThanItAdded() {
        assertThatThrownBy(() -> Charge.of(new Balance(user, 4_999), 5_000, Instant.EPOCH))
                .isInstanceOf(BalanceRuleViolation.class);
    }
}
