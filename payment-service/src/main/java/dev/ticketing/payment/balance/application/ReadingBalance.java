package dev.ticketing.payment.balance.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.ticketing.payment.balance.domain.Balance;
import dev.ticketing.payment.balance.domain.Balances;

/** Use case: a user looks at their balance (zero before their first charge). */
@Service
public class ReadingBalance {

    private final Balances balances;

    public ReadingBalance(Balances balances) {
        this.balances = balances;
    }

    public Balance balanceOf(UUID userId) {
        return balances.of(userId);
    }
}
