-- Catalog of concerts, their dates (schedules) and the 50 seats of each date.
-- Runs on MySQL 8.4 and MariaDB 11.4: InnoDB, utf8mb4, UUIDs as CHAR(36), times as UTC DATETIME(6).

CREATE TABLE concert (
    id         CHAR(36)     NOT NULL,
    title      VARCHAR(200) NOT NULL,
    venue      VARCHAR(200) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    -- GET /concerts lists every concert ordered by title.
    KEY ix_concert_title (title, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE concert_date (
    id               CHAR(36)    NOT NULL,
    concert_id       CHAR(36)    NOT NULL,
    date             DATE        NOT NULL,
    booking_opens_at DATETIME(6) NOT NULL,
    -- The price given for the date when it was created; seats may override it.
    base_price       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    -- One schedule per concert and day; also serves "dates of a concert, ascending".
    UNIQUE KEY uk_concert_date_concert_date (concert_id, date),
    CONSTRAINT fk_concert_date_concert FOREIGN KEY (concert_id) REFERENCES concert (id),
    CONSTRAINT ck_concert_date_base_price CHECK (base_price BETWEEN 1 AND 10000000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE seat (
    schedule_id CHAR(36)    NOT NULL,
    seat_number INT         NOT NULL,
    price       BIGINT      NOT NULL,
    status      VARCHAR(16) NOT NULL,
    -- Version of the last reservation event applied to this seat, so stale events are ignored.
    version     BIGINT      NOT NULL DEFAULT 0,
    -- The primary key serves "all seats of a date in order" and per-seat updates.
    PRIMARY KEY (schedule_id, seat_number),
    CONSTRAINT fk_seat_schedule FOREIGN KEY (schedule_id) REFERENCES concert_date (id),
    CONSTRAINT ck_seat_number CHECK (seat_number BETWEEN 1 AND 50),
    CONSTRAINT ck_seat_price CHECK (price BETWEEN 1 AND 10000000),
    CONSTRAINT ck_seat_status CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
