package dev.ticketing.payment.balance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChargeTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void aChargeRecordsWhatItAddedAndTheBalanceItLeft() {
        Charge charge = Charge.of(new Balance(user, 15_000), 5_000, Instant.EPOCH);

        assertThat(charge.userId()).isEqualTo(user);
        assertThat(charge.amount()).isEqualTo(5_000);
        assertThat(charge.balanceAfter()).isEqualTo(15_000);
    }

    @Test
    void aChargeCannotLeaveLessThanItAdded() {
        assertThatThrownBy(() -> Charge.of(new Balance(user, 4_999), 5_000, Instant.EPOCH))
                .isInstanceOf(BalanceRuleViolation.class);
    }
}
