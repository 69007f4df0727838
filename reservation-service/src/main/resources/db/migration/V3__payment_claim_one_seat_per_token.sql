-- A payment claims the hold before it charges (payment_claimed_at): the expiry sweep then no longer releases
-- the seat on its own, but asks payment-service to settle the reservation first (paid, or voided so that no
-- payment can be accepted any more). A payment answered 201 therefore always keeps its seat (invariant 4).
ALTER TABLE reservation ADD COLUMN payment_claimed_at DATETIME(6) NULL AFTER payment_id;

-- One token, one seat: a token that bought its seat may not hold another (HOLD_LIMIT), so CONFIRMED counts too.
ALTER TABLE reservation DROP INDEX uk_reservation_token_holding;
ALTER TABLE reservation DROP COLUMN token_holding;
ALTER TABLE reservation ADD COLUMN token_holding TINYINT
    GENERATED ALWAYS AS (CASE WHEN status IN ('HELD', 'CONFIRMED') THEN 1 END) STORED;
ALTER TABLE reservation ADD UNIQUE KEY uk_reservation_token_holding (token_id, token_holding);

-- The sweep's second pass: claimed holds whose time is up.
CREATE INDEX ix_reservation_claimed_due ON reservation (status, payment_claimed_at, expires_at);
