-- How each reservation was settled: PAID by the payment that committed for it, or VOIDED when reservation-service
-- asked to settle a claimed hold whose time was up and no payment had committed. The primary key is the fence:
-- a payment inserts PAID in its own transaction, the void inserts VOIDED, and whichever commits first wins; the
-- other waits on the row and then finds it taken. So a hold is never released while a payment for it can still
-- be accepted, and a payment is never accepted for a hold that was released (DESIGN.md invariant 4).
CREATE TABLE reservation_settlement (
    reservation_id CHAR(36)    NOT NULL,
    outcome        VARCHAR(8)  NOT NULL,
    payment_id     CHAR(36)    NULL,
    settled_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (reservation_id),
    CONSTRAINT ck_reservation_settlement_outcome CHECK (outcome IN ('PAID', 'VOIDED')),
    CONSTRAINT ck_reservation_settlement_payment CHECK ((outcome = 'PAID') = (payment_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payments made before this table existed are settled as PAID.
INSERT INTO reservation_settlement (reservation_id, outcome, payment_id, settled_at)
SELECT reservation_id, 'PAID', id, created_at FROM payment;
