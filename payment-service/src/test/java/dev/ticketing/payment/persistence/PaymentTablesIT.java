package dev.ticketing.payment.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import dev.ticketing.payment.support.IntegrationScenario;

/** The schema itself refuses negative balances and double payments, whatever the code above it does. */
class PaymentTablesIT extends IntegrationScenario {

    private final String user = UUID.randomUUID().toString();

    @Test
    void aBalanceCanDropToZero() {
        openBalance(5_000);

        jdbc.update("UPDATE balance SET amount = amount - 5000 WHERE user_id = ?", user);

        assertThat(jdbc.queryForObject("SELECT amount FROM balance WHERE user_id = ?", Long.class, user)).isZero();
    }

    @Test
    void aBalanceCannotGoNegative() {
        openBalance(5_000);

        assertThatThrownBy(() -> jdbc.update("UPDATE balance SET amount = amount - 5001 WHERE user_id = ?", user))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("SELECT amount FROM balance WHERE user_id = ?", Long.class, user)).isEqualTo(5_000);
    }

    @Test
    void aReservationIsPaidAtMostOnce() {
        String reservation = UUID.randomUUID().toString();
        pay(reservation, "COMPLETED");

        assertThatThrownBy(() -> pay(reservation, "COMPLETED")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void unknownPaymentStatusesAreRefused() {
        assertThatThrownBy(() -> pay(UUID.randomUUID().toString(), "PENDING"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void openBalance(long amount) {
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("INSERT INTO balance (user_id, amount, created_at, updated_at) VALUES (?, ?, ?, ?)", user, amount, now, now);
    }

    private void pay(String reservation, String status) {
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("""
                INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, status, created_at, updated_at)
                VALUES (?, ?, ?, 100000, 0, ?, ?, ?)""", UUID.randomUUID().toString(), reservation, user, status, now, now);
    }
}
