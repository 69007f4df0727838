-- The payment that confirmed a reservation. A PaymentCompleted for an already CONFIRMED reservation is then
-- either the same payment again (nothing to do) or another payment (rejected, so it is refunded).
ALTER TABLE reservation ADD COLUMN payment_id CHAR(36) NULL AFTER status;
