-- Charges as a ledger, the balance a payment left, and remembered answers for Idempotency-Key requests.
-- Same dialect rules as V1: MySQL 8.4 and MariaDB 11.4, UUIDs as CHAR(36), UTC DATETIME(6).

-- Every accepted charge, so that "charges - completed payments + refunds = balance" can be checked per user
-- from this schema alone (invariant 2). Written in the same transaction as the balance change.
CREATE TABLE balance_charge (
    id            CHAR(36)    NOT NULL,
    user_id       CHAR(36)    NOT NULL,
    amount        BIGINT      NOT NULL,
    balance_after BIGINT      NOT NULL,
    charged_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_balance_charge_user (user_id, charged_at),
    CONSTRAINT ck_balance_charge_amount CHECK (amount BETWEEN 1 AND 10000000),
    CONSTRAINT ck_balance_charge_balance_after CHECK (balance_after >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- GET /payments/{id} answers with the same body as the POST that created it, balance included. The table is
-- empty wherever this runs first, so no default is needed for existing rows.
ALTER TABLE payment ADD COLUMN balance_after BIGINT NOT NULL AFTER amount;
ALTER TABLE payment ADD CONSTRAINT ck_payment_balance_after CHECK (balance_after >= 0);

-- The first answer to a request sent with an Idempotency-Key, per user and endpoint. The row is inserted
-- before the effect and completed with the answer in the same transaction: a concurrent duplicate waits on
-- the row's lock and then reads the committed answer. A request that was refused leaves no row.
CREATE TABLE idempotency_record (
    user_id         CHAR(36)     NOT NULL,
    endpoint        VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    -- Keys are compared byte for byte: "abc" and "ABC" are two keys.
    idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- SHA-256 (hex) of the request's meaningful content: the same key with another body is refused.
    request_hash    CHAR(64)     CHARACTER SET ascii NOT NULL,
    response_status SMALLINT     NULL,
    response_body   TEXT         NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, endpoint, idempotency_key),
    KEY ix_idempotency_record_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
