-- The fan's balance history (GET /balance/history): every charge, payment and refund as one ledger entry, written
-- in the same transaction as the balance change, under the balance row's lock. So per user the entries' order
-- (seq) is the order the changes were applied in, and their amounts add up to the balance (invariant 2).
-- Same dialect rules as V1: MySQL 8.4 and MariaDB 11.4, UUIDs as CHAR(36), UTC DATETIME(6).
CREATE TABLE balance_entry (
    seq            BIGINT      NOT NULL AUTO_INCREMENT,
    id             CHAR(36)    NOT NULL,
    user_id        CHAR(36)    NOT NULL,
    kind           VARCHAR(8)  NOT NULL,
    -- Signed: what the entry did to the balance (a payment is negative).
    amount         BIGINT      NOT NULL,
    balance_after  BIGINT      NOT NULL,
    occurred_at    DATETIME(6) NOT NULL,
    payment_id     CHAR(36)    NULL,
    reservation_id CHAR(36)    NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_balance_entry_id (id),
    -- A page of one user's history, newest first: a range read of this index.
    KEY ix_balance_entry_user (user_id, seq),
    CONSTRAINT ck_balance_entry_kind CHECK (kind IN ('CHARGE', 'PAYMENT', 'REFUND')),
    CONSTRAINT ck_balance_entry_sign CHECK ((kind = 'PAYMENT') = (amount < 0) AND amount <> 0),
    CONSTRAINT ck_balance_entry_balance_after CHECK (balance_after >= 0),
    CONSTRAINT ck_balance_entry_payment CHECK ((kind = 'CHARGE') = (payment_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The history so far, rebuilt from the charges and payments in the order they happened; each entry's balance is
-- the running sum, which is what the balance was then (it only ever changed by these).
INSERT INTO balance_entry (id, user_id, kind, amount, balance_after, occurred_at, payment_id, reservation_id)
SELECT UUID(), user_id, kind, amount,
       SUM(amount) OVER (PARTITION BY user_id ORDER BY occurred_at, ord, payment_id ROWS UNBOUNDED PRECEDING),
       occurred_at, payment_id, reservation_id
FROM (SELECT user_id, 'CHARGE' AS kind, amount, charged_at AS occurred_at, NULL AS payment_id,
             NULL AS reservation_id, 0 AS ord
      FROM balance_charge
      UNION ALL
      SELECT user_id, 'PAYMENT', -amount, created_at, id, reservation_id, 1 FROM payment
      UNION ALL
      SELECT user_id, 'REFUND', amount, updated_at, id, reservation_id, 2 FROM payment WHERE status = 'REFUNDED')
     AS history
ORDER BY occurred_at, ord, payment_id;
