-- 1. Reservation events name a concert date by a positive integer (common-events: ReservationEvent.scheduleId
--    is a long; seats are keyed "scheduleId:seatNumber"), so concert_date.id becomes a BIGINT and seats are
--    keyed by it. Existing dates are numbered 1, 2, ... in (concert, date) order.
-- 2. The seat availability read model fed by reservation.events: each seat's holder, and what is known of each
--    reservation of the seat (seat_reservation), from which any delivery order of its events derives the same
--    status (see availability.domain.SeatLedger).
-- MySQL 8.4 and MariaDB 11.4. The tables are copied, dropped and recreated rather than altered in place so
-- that the final definitions (and constraint names, which MySQL scopes to the schema) read as one would
-- write them fresh.

CREATE TABLE concert_date_numbering (
    new_id BIGINT   NOT NULL AUTO_INCREMENT,
    old_id CHAR(36) NOT NULL,
    PRIMARY KEY (new_id),
    UNIQUE KEY uk_concert_date_numbering_old_id (old_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO concert_date_numbering (old_id) SELECT id FROM concert_date ORDER BY concert_id, date;

CREATE TABLE concert_date_copy (
    id               BIGINT      NOT NULL,
    concert_id       CHAR(36)    NOT NULL,
    date             DATE        NOT NULL,
    booking_opens_at DATETIME(6) NOT NULL,
    base_price       BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO concert_date_copy (id, concert_id, date, booking_opens_at, base_price)
SELECT n.new_id, d.concert_id, d.date, d.booking_opens_at, d.base_price
FROM concert_date d JOIN concert_date_numbering n ON n.old_id = d.id;

CREATE TABLE seat_copy (
    schedule_id BIGINT      NOT NULL,
    seat_number INT         NOT NULL,
    price       BIGINT      NOT NULL,
    status      VARCHAR(16) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO seat_copy (schedule_id, seat_number, price, status)
SELECT n.new_id, s.seat_number, s.price, s.status
FROM seat s JOIN concert_date_numbering n ON n.old_id = s.schedule_id;

DROP TABLE seat;
DROP TABLE concert_date;

CREATE TABLE concert_date (
    -- The scheduleId of reservation events; allocated from id_sequence when the concert is created.
    id               BIGINT      NOT NULL,
    concert_id       CHAR(36)    NOT NULL,
    date             DATE        NOT NULL,
    booking_opens_at DATETIME(6) NOT NULL,
    -- The price given for the date when it was created; seats may override it.
    base_price       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    -- One schedule per concert and day; also finds a date's id from the path (the id rides in every index).
    UNIQUE KEY uk_concert_date_concert_date (concert_id, date),
    -- Covers the dates listing: a concert's dates in order with when booking opens, without touching rows.
    KEY ix_concert_date_listing (concert_id, date, booking_opens_at),
    CONSTRAINT fk_concert_date_concert FOREIGN KEY (concert_id) REFERENCES concert (id),
    CONSTRAINT ck_concert_date_id CHECK (id > 0),
    CONSTRAINT ck_concert_date_base_price CHECK (base_price BETWEEN 1 AND 10000000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE seat (
    schedule_id           BIGINT      NOT NULL,
    seat_number           INT         NOT NULL,
    price                 BIGINT      NOT NULL,
    status                VARCHAR(16) NOT NULL,
    -- The reservation the seat is HELD or SOLD for; NULL while AVAILABLE. Derived from seat_reservation.
    holder_reservation_id CHAR(36)    NULL,
    -- Clustered: the seat listing is one range scan of it, already in seat order, with every column it shows.
    PRIMARY KEY (schedule_id, seat_number),
    -- Counting a date's available seats reads this index only (about 50 entries per date).
    KEY ix_seat_schedule_status (schedule_id, status),
    CONSTRAINT fk_seat_schedule FOREIGN KEY (schedule_id) REFERENCES concert_date (id),
    CONSTRAINT ck_seat_number CHECK (seat_number BETWEEN 1 AND 50),
    CONSTRAINT ck_seat_price CHECK (price BETWEEN 1 AND 10000000),
    CONSTRAINT ck_seat_status CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
    CONSTRAINT ck_seat_holder CHECK ((status = 'AVAILABLE') = (holder_reservation_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the read model knows of each reservation of a seat: whether its ReservationHeld has arrived (held_at)
-- and how it ended (HoldExpired, ReservationConfirmed), whatever order those events came in. Rows are never
-- deleted: a HoldExpired that arrived before its ReservationHeld must still be remembered when the latter comes.
CREATE TABLE seat_reservation (
    schedule_id    BIGINT      NOT NULL,
    seat_number    INT         NOT NULL,
    reservation_id CHAR(36)    NOT NULL,
    -- ReservationHeld.heldAt (UTC) once that event has arrived; NULL before.
    held_at        DATETIME(6) NULL,
    outcome        VARCHAR(16) NOT NULL,
    -- A seat's reservations are read together, under the seat's row lock, when one of its events arrives.
    PRIMARY KEY (schedule_id, seat_number, reservation_id),
    CONSTRAINT fk_seat_reservation_seat FOREIGN KEY (schedule_id, seat_number) REFERENCES seat (schedule_id, seat_number),
    CONSTRAINT ck_seat_reservation_outcome CHECK (outcome IN ('OPEN', 'EXPIRED', 'CONFIRMED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- MySQL has no sequences: one row per id series, locked while a concert's dates take their ids.
CREATE TABLE id_sequence (
    name       VARCHAR(64) NOT NULL,
    next_value BIGINT      NOT NULL,
    PRIMARY KEY (name),
    CONSTRAINT ck_id_sequence_next_value CHECK (next_value > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO concert_date (id, concert_id, date, booking_opens_at, base_price)
SELECT id, concert_id, date, booking_opens_at, base_price FROM concert_date_copy;

-- Nothing consumed reservation events before this version, so no seat had left AVAILABLE.
INSERT INTO seat (schedule_id, seat_number, price, status, holder_reservation_id)
SELECT schedule_id, seat_number, price, 'AVAILABLE', NULL FROM seat_copy;

INSERT INTO id_sequence (name, next_value) SELECT 'concert_date', COALESCE(MAX(id), 0) + 1 FROM concert_date;

DROP TABLE seat_copy;
DROP TABLE concert_date_copy;
DROP TABLE concert_date_numbering;
