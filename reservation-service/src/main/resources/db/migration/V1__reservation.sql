-- Seat holds and their outcome. Runs on MySQL 8.4 and MariaDB 11.4: InnoDB, utf8mb4, UUIDs as CHAR(36),
-- times as UTC DATETIME(6). Concert, schedule and token ids belong to other services: no foreign keys.

CREATE TABLE reservation (
    id          CHAR(36)    NOT NULL,
    user_id     CHAR(36)    NOT NULL,
    concert_id  CHAR(36)    NOT NULL,
    schedule_id CHAR(36)    NOT NULL,
    date        DATE        NOT NULL,
    seat_number INT         NOT NULL,
    price       BIGINT      NOT NULL,
    -- The queue token that made the hold; its id format is queue-service's business.
    token_id    VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    -- 1 while this reservation holds or owns its seat, NULL otherwise. A UNIQUE key treats NULLs as distinct,
    -- so uk_reservation_seat_taken lets the database itself guarantee one HELD-or-CONFIRMED reservation per
    -- seat, across any number of service instances. (A flag rather than a 'scheduleId:seat' string: MariaDB
    -- refuses CHAR columns in stored generated columns.) JPA must map these insertable = false, updatable = false.
    seat_taken    TINYINT GENERATED ALWAYS AS (CASE WHEN status IN ('HELD', 'CONFIRMED') THEN 1 END) STORED,
    -- 1 while the token has this seat on hold: one hold per token (HOLD_LIMIT).
    token_holding TINYINT GENERATED ALWAYS AS (CASE WHEN status = 'HELD' THEN 1 END) STORED,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reservation_seat_taken (schedule_id, seat_number, seat_taken),
    UNIQUE KEY uk_reservation_token_holding (token_id, token_holding),
    -- The expiry sweep: HELD reservations whose time is up, oldest first.
    KEY ix_reservation_status_expires (status, expires_at),
    KEY ix_reservation_user (user_id, created_at),
    CONSTRAINT ck_reservation_seat_number CHECK (seat_number BETWEEN 1 AND 50),
    CONSTRAINT ck_reservation_price CHECK (price > 0),
    CONSTRAINT ck_reservation_status CHECK (status IN ('HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
