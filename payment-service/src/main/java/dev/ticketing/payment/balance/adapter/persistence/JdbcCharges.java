package dev.ticketing.payment.balance.adapter.persistence;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.ticketing.payment.balance.domain.Charge;
import dev.ticketing.payment.balance.domain.Charges;

/** The charge ledger in MySQL (table balance_charge, V2). */
@Repository
class JdbcCharges implements Charges {

    private final JdbcTemplate jdbc;

    JdbcCharges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Charge charge) {
        jdbc.update("INSERT INTO balance_charge (id, user_id, amount, balance_after, charged_at) VALUES (?, ?, ?, ?, ?)",
                charge.id().toString(), charge.userId().toString(), charge.amount(), charge.balanceAfter(),
                LocalDateTime.ofInstant(charge.chargedAt(), ZoneOffset.UTC));
    }
}
