-- Point balances and payments. Runs on MySQL 8.4 and MariaDB 11.4: InnoDB, utf8mb4, UUIDs as CHAR(36),
-- times as UTC DATETIME(6). Users and reservations belong to other services: no foreign keys.

CREATE TABLE balance (
    user_id    CHAR(36)    NOT NULL,
    -- Won (KRW). The CHECK is the last line of defence for "no balance is ever negative".
    amount     BIGINT      NOT NULL DEFAULT 0,
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT ck_balance_amount_not_negative CHECK (amount >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment (
    id             CHAR(36)    NOT NULL,
    reservation_id CHAR(36)    NOT NULL,
    user_id        CHAR(36)    NOT NULL,
    amount         BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    -- A reservation is paid at most once (ALREADY_PAID), even when two payments race.
    UNIQUE KEY uk_payment_reservation (reservation_id),
    KEY ix_payment_user (user_id, created_at),
    CONSTRAINT ck_payment_amount CHECK (amount > 0),
    CONSTRAINT ck_payment_status CHECK (status IN ('COMPLETED', 'REFUNDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
